#nullable enable
using System.Text.RegularExpressions;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// Masks the secrets that cross the wire in AT commands (MQTT and Wi-Fi passwords, Alibaba device secrets) before a
    /// trace line is shown. Payloads sent after a prompt (AT+MQTTLONGPASSWORD) are not recognisable and stay visible.
    /// </summary>
    internal static class TraceMask
    {
        private static readonly Regex[] Patterns =
        {
            new Regex("(AT\\+QMTCONN=\\d+,\"[^\"]*\",\"[^\"]*\",\")([^\"]*)(\")", RegexOptions.IgnoreCase),
            new Regex("(AT\\+QMTCFG=\"aliauth\",\\d+,\"[^\"]*\",\"[^\"]*\",\")([^\"]*)(\")", RegexOptions.IgnoreCase),
            new Regex("(AT\\+MQTTUSERCFG=\\d+,\\d+,\"(?:[^\"\\\\]|\\\\.)*\",\"(?:[^\"\\\\]|\\\\.)*\",\")((?:[^\"\\\\]|\\\\.)*)(\")", RegexOptions.IgnoreCase),
            new Regex("(AT\\+CWJAP=\"(?:[^\"\\\\]|\\\\.)*\",\")((?:[^\"\\\\]|\\\\.)*)(\")", RegexOptions.IgnoreCase),
        };

        public static string Apply(string text)
        {
            foreach (Regex pattern in Patterns)
            {
                text = pattern.Replace(text, m => m.Groups[1].Value + "***" + m.Groups[3].Value);
            }

            return text;
        }
    }
}
