using StmNode.At;
using StmNode.Ports;

namespace StmNode.Modems
{
    /// <summary>The unsolicited side of the Quectel MQTT client: received messages and the loss of the session.</summary>
    public sealed partial class QuectelMqtt
    {
        private void OnRawRecv(string header, byte[] data, int offset, int count)
        {
            int index;
            string topic;
            MqttMessageHandler handler = MessageReceived;
            if (QuectelRecv.TryParseTopic(header, out index, out topic) && index == Index && handler != null)
            {
                handler(topic, data, offset, count);
            }
        }

        private void OnRecvLine(string line)
        {
            int index;
            string topic;
            byte[] payload = QuectelRecv.PayloadOfLine(line, _inlineHex);
            MqttMessageHandler handler = MessageReceived;
            if (payload != null && QuectelRecv.TryParseTopic(line, out index, out topic) && index == Index && handler != null)
            {
                handler(topic, payload, 0, payload.Length);
            }
        }

        private void OnStat(string line)
        {
            string[] fields = AtFields.Split(line.Substring(9));
            int code = AtFields.IntAt(fields, 1, -1);
            if (AtFields.IntAt(fields, 0, -1) != Index)
            {
                return;
            }

            if (code == 5 && _disconnecting)
            {
                _log.Write(LogLevel.Info, _model.Kind, "+QMTSTAT 5 after our AT+QMTDISC: session ended as asked");
                return;
            }

            LastError = new ModemError(ModemErrorKind.LinkLost, code, "+QMTSTAT " + code.ToString() + ": " + QuectelCodes.Stat(code));
            LinkGone();
        }

        private void OnPing(string line)
        {
            string[] fields = AtFields.Split(line.Substring(9));
            int result = AtFields.IntAt(fields, 1, 0);
            if (AtFields.IntAt(fields, 0, -1) == Index && result != 0)
            {
                LastError = new ModemError(ModemErrorKind.LinkLost, result, "+QMTPING " + result.ToString() + ": keep-alive failed");
                LinkGone();
            }
        }

        /// <summary>The session is gone: a result URC being waited for will not come, so stop waiting for it now.</summary>
        private void LinkGone()
        {
            if (_waiting)
            {
                _lostDuringWait = true;
                _channel.Abort(LastError.Message);
            }

            LinkLostHandler handler = Lost;
            if (handler != null)
            {
                handler(LastError.Message);
            }
        }
    }
}
