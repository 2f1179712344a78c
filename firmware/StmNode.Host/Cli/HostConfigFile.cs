using System;
using System.IO;
using System.Text.Json;

namespace StmNode.Host.Cli
{
    /// <summary>
    /// Settings from a JSON file (stmnode.json, git-ignored; stmnode.example.json is the template) and from environment
    /// variables, so secrets never need to be typed on a command line where other users can see them.
    /// </summary>
    public static class HostConfigFile
    {
        public const string DefaultFileName = "stmnode.json";

        /// <summary>Environment variable → setting.</summary>
        public static readonly (string Variable, string Key)[] EnvironmentVariables =
        {
            ("STMNODE_DEVICE_ID", "device_id"),
            ("STMNODE_SECRET", "secret"),
            ("STMNODE_HOST", "host"),
            ("STMNODE_BROKER", "broker"),
            ("STMNODE_PRODUCT_KEY", "product_key"),
            ("STMNODE_DEVICE_NAME", "device_name"),
            ("STMNODE_WIFI_PASSWORD", "wifi_password"),
        };

        /// <summary>
        /// Reads the file into options. A missing default file is fine; a missing named file or bad JSON is an error
        /// (the message never quotes a value, since values may be secrets).
        /// </summary>
        public static bool TryLoad(string path, bool mustExist, HostOptions options, out string error)
        {
            error = null;
            if (!File.Exists(path))
            {
                if (mustExist)
                {
                    error = "config file '" + path + "' does not exist";
                    return false;
                }

                return true;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    error = "config file '" + path + "': the top level must be a JSON object";
                    return false;
                }

                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    string value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => null,
                    };
                    if (value == null)
                    {
                        error = "config file '" + path + "', key '" + property.Name + "': must be a string, number or boolean";
                        return false;
                    }

                    if (!TrySet(options, property.Name, value, out string problem))
                    {
                        error = "config file '" + path + "', key '" + property.Name + "': " + problem;
                        return false;
                    }
                }

                return true;
            }
            catch (JsonException e)
            {
                error = "config file '" + path + "' is not valid JSON (line " + (e.LineNumber + 1) + ")";
                return false;
            }
            catch (IOException e)
            {
                error = "config file '" + path + "' could not be read: " + e.Message;
                return false;
            }
            catch (UnauthorizedAccessException e)
            {
                error = "config file '" + path + "' could not be read: " + e.Message;
                return false;
            }
        }

        /// <summary>Takes the STMNODE_* variables that are set.</summary>
        public static bool TryApplyEnvironment(HostOptions options, Func<string, string> getVariable, out string error)
        {
            error = null;
            foreach ((string variable, string key) in EnvironmentVariables)
            {
                string value = getVariable(variable);
                if (!string.IsNullOrEmpty(value) && !TrySet(options, key, value, out string problem))
                {
                    error = "environment variable " + variable + ": " + problem;
                    return false;
                }
            }

            return true;
        }

        private static bool TrySet(HostOptions options, string key, string value, out string problem)
        {
            problem = null;
            switch (key)
            {
                case "link": options.Link = value; return true;
                case "serial": options.Serial = value; return true;
                case "modem": options.Modem = value; return true;
                case "cloud": options.Cloud = value; return true;
                case "host": options.Host = value; return true;
                case "device_id": options.DeviceId = value; return true;
                case "secret": options.Secret = value; return true;
                case "product_key": options.ProductKey = value; return true;
                case "device_name": options.DeviceName = value; return true;
                case "region": options.Region = value; return true;
                case "broker": options.Broker = value; return true;
                case "username": options.Username = value; return true;
                case "apn": options.Apn = value; return true;
                case "wifi_ssid": options.WifiSsid = value; return true;
                case "wifi_password": options.WifiPassword = value; return true;
                case "baud":
                    return TryInt(value, 300, 4_000_000, v => options.Baud = v, out problem);
                case "port":
                    return TryInt(value, 1, 65535, v => options.Port = v, out problem);
                case "report_period":
                    return TryInt(value, 5, 86400, v => options.ReportPeriodSeconds = v, out problem);
                case "tls":
                    if (bool.TryParse(value, out bool tls))
                    {
                        options.Tls = tls;
                        return true;
                    }

                    problem = "must be true or false";
                    return false;
                default:
                    problem = "unknown setting";
                    return false;
            }
        }

        private static bool TryInt(string value, int min, int max, Action<int> set, out string problem)
        {
            if (int.TryParse(value, out int number) && number >= min && number <= max)
            {
                set(number);
                problem = null;
                return true;
            }

            problem = "must be a whole number from " + min + " to " + max;
            return false;
        }
    }
}
