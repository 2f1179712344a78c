using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>TLS on a Quectel modem that has it (<see cref="QuectelModel.SupportsTls"/>): the CA file and the SSL context.</summary>
    public sealed partial class QuectelModem
    {
        /// <summary>
        /// Uploads a CA certificate to the modem's file system (AT+QFDEL then AT+QFUPL: CONNECT, raw bytes,
        /// +QFUPL: size,checksum, OK). The prompt details are unconfirmed for EC20; the exchange is bounded either way.
        /// </summary>
        public bool UploadFile(string name, byte[] content)
        {
            if (!Model.SupportsTls)
            {
                return NoTls();
            }

            if (!AtText.IsQuectelSafe(name, 80) || content == null || content.Length == 0)
            {
                LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, "bad file name or empty content");
                return false;
            }

            Channel.Send("AT+QFDEL=\"" + name + "\"", null, 300);
            AtCommand upload = new AtCommand("AT+QFUPL=\"" + name + "\"," + content.Length.ToString() + ",60", "+QFUPL:", 5000);
            upload.SuccessFinals = new string[] { "CONNECT" };
            AtReply connect = Channel.Send(upload);
            if (!connect.IsOk)
            {
                LastError = ModemError.FromReply("AT+QFUPL", connect);
                return false;
            }

            Channel.Trace.Note("[" + content.Length.ToString() + " file bytes]");
            if (!Channel.WriteRaw(content, 0, content.Length))
            {
                LastError = new ModemError(ModemErrorKind.LineFailed, -1, "file upload write failed");
                return false;
            }

            AtReply done = Channel.WaitFor(new AtCommand(string.Empty, "+QFUPL:", 60000));
            if (!done.IsOk)
            {
                LastError = ModemError.FromReply("AT+QFUPL data", done);
            }

            return done.IsOk;
        }

        /// <summary>
        /// SSL context for MQTT to IoTDA: any TLS version and suite, verify the server against caFile; then, where the
        /// firmware has them, no RTC date check and SNI (older EC20 firmware refuses both: logged and skipped).
        /// </summary>
        public bool ConfigureTls(int context, string caFile)
        {
            if (!Model.SupportsTls)
            {
                return NoTls();
            }

            if (!AtText.IsQuectelSafe(caFile, 80))
            {
                LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, "bad CA file name");
                return false;
            }

            string ctx = context.ToString();
            return Run("AT+QSSLCFG=\"sslversion\"," + ctx + ",4", 300)
                && Run("AT+QSSLCFG=\"ciphersuite\"," + ctx + ",0xFFFF", 300)
                && Run("AT+QSSLCFG=\"seclevel\"," + ctx + ",1", 300)
                && Run("AT+QSSLCFG=\"cacert\"," + ctx + ",\"" + caFile + "\"", 300)
                && Optional("AT+QSSLCFG=\"ignorelocaltime\"," + ctx + ",1")
                && Optional("AT+QSSLCFG=\"sni\"," + ctx + ",1");
        }

        /// <summary>A setting the session works without: refused, it is logged and skipped (still true).</summary>
        private bool Optional(string command)
        {
            AtReply reply = Channel.Send(command, null, 300);
            if (reply.Status == AtStatus.Timeout || reply.Status == AtStatus.LineFailed || reply.Status == AtStatus.Aborted)
            {
                LastError = ModemError.FromReply(command, reply);
                return false;
            }

            if (!reply.IsOk)
            {
                Log.Write(LogLevel.Warning, Kind, command + " refused (" + reply.Describe() + "): skipped, older firmware lacks it");
            }

            return true;
        }

        private bool NoTls()
        {
            LastError = new ModemError(ModemErrorKind.InvalidArgument, -1, Kind + " has no MQTT over TLS");
            return false;
        }
    }
}
