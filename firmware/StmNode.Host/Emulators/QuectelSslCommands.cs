#nullable enable
using System.Collections.Generic;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The EC20's file system and SSL contexts: AT+QFUPL (CONNECT, exactly the announced bytes, then
    /// <c>+QFUPL: size,checksum</c>), AT+QFDEL, AT+QFLST, AT+QSSLCFG with the settings an EC20 firmware has (
    /// <c>"sni"</c> only on newer firmware) and AT+QSSLOPEN. Files survive reboots, SSL contexts do not. The TLS
    /// session itself is not emulated: QSSLOPEN and QMTOPEN with ssl check their preconditions, then fail honestly.
    /// </summary>
    internal sealed class QuectelSslCommands : AtCommandGroup
    {
        // Quectel file error codes (LTE Standard FILE Application Note): 405 not found, 407 already exists.
        private const int FileNotFound = 405;
        private const int FileExists = 407;

        private readonly Ec20Emulator _modem;
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>();
        private readonly Dictionary<int, SslContext> _contexts = new Dictionary<int, SslContext>();

        public QuectelSslCommands(Ec20Emulator modem)
            : base(modem)
        {
            _modem = modem;
            Register("+QFUPL", QfUpl);
            Register("+QFDEL", c =>
            {
                string name = c.Str(0, 80);
                if (name == "*")
                {
                    _files.Clear();
                }
                else if (!_files.Remove(name))
                {
                    throw new AtParameterException(FileNotFound);
                }

                Ok();
            });
            Register("+QFLST", _ =>
            {
                foreach (KeyValuePair<string, byte[]> file in _files)
                {
                    Line("+QFLST: \"" + file.Key + "\"," + file.Value.Length);
                }

                Ok();
            });
            Register("+QSSLCFG", QsslCfg);
            Register("+QSSLOPEN", QsslOpen);
        }

        /// <summary>The CA file an SSL context verifies against is on the file system (or none is needed).</summary>
        public bool HasCaFor(int context)
        {
            SslContext ssl = Context(context);
            return ssl.SecLevel == 0 || (ssl.CaCert != null && _files.ContainsKey(ssl.CaCert));
        }

        /// <summary>A reboot forgets the SSL contexts; the files stay in flash.</summary>
        public void Reset() => _contexts.Clear();

        private void QfUpl(AtCommand c)
        {
            string name = c.Str(0, 80);
            int size = c.Int(1, 1, 10 * 1024 * 1024);
            c.IntOr(2, 1, 65535, 5);
            c.IntOr(3, 0, 1, 0);
            if (_files.ContainsKey(name))
            {
                throw new AtParameterException(FileExists);
            }

            _modem.BeginPayload("\r\nCONNECT\r\n", size, size, data =>
            {
                _files[name] = data;
                Line("+QFUPL: " + data.Length + "," + Ec20Emulator.FileChecksum(data));
                Ok();
            }, Error);
        }

        private void QsslCfg(AtCommand c)
        {
            if (c.Kind == AtCommandKind.Test)
            {
                Lines("+QSSLCFG: \"sslversion\",(0-5),(0-4)", "+QSSLCFG: \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X0004,0X000A,0X003D,0XFFFF)",
                    "+QSSLCFG: \"cacert\",(0-5),<cacertpath>", "+QSSLCFG: \"clientcert\",(0-5),<client_cert_path>",
                    "+QSSLCFG: \"clientkey\",(0-5),<client_key_path>", "+QSSLCFG: \"seclevel\",(0-5),(0-2)",
                    "+QSSLCFG: \"ignorelocaltime\",(0-5),(0,1)", "+QSSLCFG: \"negotiatetime\",(0-5),(10-300)");
                if (!_modem.OldFirmware)
                {
                    Line("+QSSLCFG: \"sni\",(0-5),(0,1)");
                }

                Ok();
                return;
            }

            string name = c.Str(0, 32).ToLowerInvariant();
            int index = c.Int(1, 0, 5);
            SslContext ssl = Context(index);
            bool query = c.Count == 2;
            if (c.Count > 3)
            {
                throw new AtParameterException(50);
            }

            switch (name)
            {
                case "sslversion":
                    ssl.Version = query ? Show(name, index, ssl.Version) : c.Int(2, 0, 4);
                    break;
                case "ciphersuite":
                    if (query)
                    {
                        Line("+QSSLCFG: \"ciphersuite\"," + index + "," + ssl.CipherSuite);
                    }
                    else
                    {
                        ssl.CipherSuite = CipherSuite(c.Count > 2 && !c.IsQuoted(2) ? c.Parameters[2].Value : string.Empty);
                    }

                    break;
                case "seclevel":
                    ssl.SecLevel = query ? Show(name, index, ssl.SecLevel) : c.Int(2, 0, 2);
                    break;
                case "cacert":
                    if (query)
                    {
                        Line("+QSSLCFG: \"cacert\"," + index + ",\"" + ssl.CaCert + "\"");
                    }
                    else
                    {
                        ssl.CaCert = c.Str(2, 80);
                    }

                    break;
                case "clientcert":
                case "clientkey":
                    if (!query)
                    {
                        c.Str(2, 80);
                    }

                    break;
                case "ignorelocaltime":
                    ssl.IgnoreLocalTime = query ? Show(name, index, ssl.IgnoreLocalTime) : c.Int(2, 0, 1);
                    break;
                case "negotiatetime":
                    ssl.NegotiateTime = query ? Show(name, index, ssl.NegotiateTime) : c.Int(2, 10, 300);
                    break;
                case "sni" when !_modem.OldFirmware:
                    ssl.Sni = query ? Show(name, index, ssl.Sni) : c.Int(2, 0, 1);
                    break;
                default:
                    // Unknown on this firmware (older EC20 firmware has no "sni").
                    throw new AtParameterException(50);
            }

            Ok();
        }

        private void QsslOpen(AtCommand c)
        {
            c.Int(0, 1, 16);
            int context = c.Int(1, 0, 5);
            c.Int(2, 0, 11);
            c.Str(3, 150);
            c.Int(4, 1, 65535);
            c.IntOr(5, 0, 2, 0);
            if (!HasCaFor(context))
            {
                Trace("!! QSSLOPEN: SSL context " + context + " verifies the server but its CA file is not on the module");
                throw new AtParameterException(FileNotFound);
            }

            Trace("!! QSSLOPEN: TLS is not emulated");
            Error();
        }

        private int Show(string name, int index, int value)
        {
            Line("+QSSLCFG: \"" + name + "\"," + index + "," + value);
            return value;
        }

        private static string CipherSuite(string text)
        {
            switch (text.ToUpperInvariant())
            {
                case "0X0035":
                case "0X002F":
                case "0X0005":
                case "0X0004":
                case "0X000A":
                case "0X003D":
                case "0XFFFF":
                    return text;
                default:
                    throw new AtParameterException(50);
            }
        }

        private SslContext Context(int index)
        {
            if (!_contexts.TryGetValue(index, out SslContext? context))
            {
                context = new SslContext();
                _contexts[index] = context;
            }

            return context;
        }

        private sealed class SslContext
        {
            public int Version { get; set; } = 4;

            public string CipherSuite { get; set; } = "0xFFFF";

            public int SecLevel { get; set; }

            public string? CaCert { get; set; }

            public int IgnoreLocalTime { get; set; }

            public int NegotiateTime { get; set; } = 300;

            public int Sni { get; set; }
        }
    }
}
