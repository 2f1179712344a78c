using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using StmNode.Host.Composition;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Host.Runner
{
    /// <summary>
    /// Prints what a hosted node does in words a newcomer follows: connects, each report with its readings, answers
    /// to commands, LED changes. Lines go through the node's log, so secrets are masked like every other line.
    /// </summary>
    public sealed class NodeConsole
    {
        private readonly ILog _log;
        private int _reports;

        public NodeConsole(HostedNode node, ILog log)
        {
            _log = log;
            node.ConnectFinished += (result, elapsed) =>
            {
                if (result == LinkResult.Ok)
                {
                    Write(LogLevel.Info, "connected and subscribed in " + Ms(elapsed));
                }
            };
            node.Uplink += OnUplink;
            node.Board.LedChanged += (led, on) => Write(LogLevel.Info, "LED" + led + (on ? " ● ON" : " ○ OFF"));
        }

        public static string Ms(TimeSpan elapsed) => ((int)Math.Round(elapsed.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms";

        /// <summary>"service k=v k=v" from a report body in IoTDA's or any similar JSON shape; the raw text otherwise.</summary>
        public static string Describe(byte[] payload, int offset, int count)
        {
            string text = Encoding.UTF8.GetString(payload, offset, count);
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                var line = new StringBuilder();
                Append(document.RootElement, line, depth: 0);
                return line.Length == 0 ? text : line.ToString();
            }
            catch (JsonException)
            {
                return text;
            }
        }

        private void OnUplink(UplinkLabel label, string topic, byte[] payload, int offset, int count, LinkResult result, TimeSpan elapsed)
        {
            if (label == null)
            {
                return;
            }

            if (result != LinkResult.Ok)
            {
                Write(LogLevel.Warning, Name(label.Kind) + " not sent: " + Text(result));
                return;
            }

            switch (label.Kind)
            {
                case UplinkKind.Report when label.Detail == Stm32Service.Id:
                    _reports++;
                    Write(LogLevel.Info, "report #" + _reports + " (" + Ms(elapsed) + "): " + Describe(payload, offset, count));
                    break;
                case UplinkKind.Report:
                    Write(LogLevel.Info, "diagnostics: " + Describe(payload, offset, count));
                    break;
                case UplinkKind.CommandResponse:
                case UplinkKind.SetResponse:
                case UplinkKind.GetResponse:
                    Write(LogLevel.Info, "answered " + Name(label.Kind) + ": " + Describe(payload, offset, count));
                    break;
                case UplinkKind.TimeSync:
                    Write(LogLevel.Debug, "asked the cloud for the time");
                    break;
            }
        }

        private static string Name(UplinkKind kind) => kind switch
        {
            UplinkKind.Report => "report",
            UplinkKind.CommandResponse => "command",
            UplinkKind.SetResponse => "property set",
            UplinkKind.GetResponse => "property get",
            UplinkKind.TimeSync => "time sync",
            _ => "message",
        };

        private static string Text(LinkResult result) => result switch
        {
            LinkResult.Timeout => "timeout",
            LinkResult.Refused => "refused",
            LinkResult.NotConnected => "not connected",
            LinkResult.InvalidArgument => "invalid",
            LinkResult.Failed => "failed",
            _ => "ok",
        };

        // Flattens {"services":[{"service_id":"stm32","properties":{...}}]} to "stm32 k=v …" and other objects to "k=v …".
        private static void Append(JsonElement element, StringBuilder line, int depth)
        {
            if (element.ValueKind != JsonValueKind.Object || depth > 4)
            {
                return;
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                JsonElement value = property.Value;
                if (property.Name == "services" && value.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement service in value.EnumerateArray())
                    {
                        if (service.ValueKind == JsonValueKind.Object && service.TryGetProperty("service_id", out JsonElement id))
                        {
                            Separate(line).Append(id.ToString());
                        }

                        if (service.ValueKind == JsonValueKind.Object && service.TryGetProperty("properties", out JsonElement properties))
                        {
                            Append(properties, line, depth + 1);
                        }
                    }
                }
                else if (value.ValueKind == JsonValueKind.Object)
                {
                    Append(value, line, depth + 1);
                }
                else if (value.ValueKind != JsonValueKind.Array)
                {
                    Separate(line).Append(property.Name).Append('=').Append(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
                }
            }
        }

        private static StringBuilder Separate(StringBuilder line) => line.Length == 0 ? line : line.Append(' ');

        private void Write(LogLevel level, string message)
        {
            if (_log.IsEnabled(level))
            {
                _log.Write(level, "Host", message);
            }
        }
    }
}
