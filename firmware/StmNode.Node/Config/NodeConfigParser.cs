using System.Collections;
using StmNode.Json;
using StmNode.Ports;

namespace StmNode.Config
{
    /// <summary>
    /// Reads a node configuration from JSON (see firmware/StmNode/node-config.example.json): every key optional (the default stays),
    /// unknown keys refused so a typo is not silently ignored, and the result validated. Errors name the field.
    /// </summary>
    public static class NodeConfigParser
    {
        /// <summary>Fills <paramref name="config"/> from the JSON document; null when it is complete and valid.</summary>
        public static ConfigError Load(byte[] data, int offset, int count, NodeConfig config)
        {
            JsonReader reader = new JsonReader(8, 512, 24);
            Hashtable root = JsonTree.Parse(reader, data, offset, count) as Hashtable;
            if (root == null)
            {
                string why = reader.Error == JsonReadError.None ? "the document must be a JSON object" : "not valid JSON at byte " + reader.ErrorPosition.ToString();
                return new ConfigError("json", why);
            }

            foreach (DictionaryEntry entry in root)
            {
                ConfigError error = Apply((string)entry.Key, entry.Value, config);
                if (error != null)
                {
                    return error;
                }
            }

            return config.Validate();
        }

        private static ConfigError Apply(string key, object value, NodeConfig c)
        {
            switch (key)
            {
                case "device_id": return Text(key, value, ref c.DeviceId);
                case "device_secret": return Text(key, value, ref c.DeviceSecret);
                case "cloud_profile": return Text(key, value, ref c.CloudProfile);
                case "cloud_host": return Text(key, value, ref c.CloudHost);
                case "cloud_port": return Int(key, value, ref c.CloudPort);
                case "cloud_tls": return Flag(key, value, ref c.CloudTls);
                case "keep_alive_s": return Int(key, value, ref c.KeepAliveSeconds);
                case "transport_order": return Transports(key, value, c);
                case "wifi_ssid": return Text(key, value, ref c.WifiSsid);
                case "wifi_password": return Text(key, value, ref c.WifiPassword);
                case "apn": return Text(key, value, ref c.Apn);
                case "bc26_plain_port": return Int(key, value, ref c.Bc26PlainPort);
                case "pins": return Pins(value, c.Pins);
                case "report_period_s": return Int(key, value, ref c.ReportPeriodSeconds);
                case "diag_period_s": return Int(key, value, ref c.DiagPeriodSeconds);
                case "alarm_min_interval_s": return Int(key, value, ref c.AlarmMinIntervalSeconds);
                case "sensor_poll_ms": return Int(key, value, ref c.SensorPollMs);
                case "dht_period_s": return Int(key, value, ref c.DhtPeriodSeconds);
                case "dht_max_age_s": return Int(key, value, ref c.DhtMaxAgeSeconds);
                case "dht_retries": return Int(key, value, ref c.DhtRetries);
                case "debounce_ms": return Int(key, value, ref c.DebounceMs);
                case "gas_threshold_percent": return Int(key, value, ref c.GasThresholdPercent);
                case "gas_active_high": return Flag(key, value, ref c.GasActiveHigh);
                case "flame_active_high": return Flag(key, value, ref c.FlameActiveHigh);
                case "water_active_high": return Flag(key, value, ref c.WaterActiveHigh);
                case "light_active_high": return Flag(key, value, ref c.LightActiveHigh);
                case "offline_buffer": return Int(key, value, ref c.OfflineBufferCapacity);
                case "replay_interval_ms": return Int(key, value, ref c.ReplayIntervalMs);
                case "backoff_initial_ms": return Int(key, value, ref c.BackoffInitialMs);
                case "backoff_max_ms": return Int(key, value, ref c.BackoffMaxMs);
                case "failover_after_failures": return Int(key, value, ref c.FailoverAfterFailures);
                case "reboot_after_offline_s": return Int(key, value, ref c.RebootAfterOfflineSeconds);
                case "failback_check_s": return Int(key, value, ref c.FailbackCheckSeconds);
                case "log_level": return Level(key, value, c);
                default: return new ConfigError(key, "unknown setting");
            }
        }

        private static ConfigError Pins(object value, PinMap pins)
        {
            Hashtable table = value as Hashtable;
            if (table == null)
            {
                return new ConfigError("pins", "must be an object of signal name to GPIO number");
            }

            foreach (DictionaryEntry entry in table)
            {
                string field = "pins." + (string)entry.Key;
                int gpio = 0;
                ConfigError error = Int(field, entry.Value, ref gpio);
                if (error != null)
                {
                    return error;
                }

                if (!pins.Set((string)entry.Key, gpio))
                {
                    return new ConfigError(field, "unknown signal");
                }
            }

            return null;
        }

        private static ConfigError Transports(string key, object value, NodeConfig config)
        {
            ArrayList list = value as ArrayList;
            if (list == null)
            {
                return new ConfigError(key, "must be an array of transport names");
            }

            string[] names = new string[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                names[i] = list[i] as string;
                if (names[i] == null)
                {
                    return new ConfigError(key, "must be an array of transport names");
                }
            }

            config.TransportOrder = names;
            return null;
        }

        private static ConfigError Level(string key, object value, NodeConfig config)
        {
            switch (value as string)
            {
                case "trace": config.LogLevel = LogLevel.Trace; return null;
                case "debug": config.LogLevel = LogLevel.Debug; return null;
                case "info": config.LogLevel = LogLevel.Info; return null;
                case "warning": config.LogLevel = LogLevel.Warning; return null;
                case "error": config.LogLevel = LogLevel.Error; return null;
                case "none": config.LogLevel = LogLevel.None; return null;
                default: return new ConfigError(key, "must be one of trace, debug, info, warning, error, none");
            }
        }

        private static ConfigError Text(string key, object value, ref string field)
        {
            string text = value as string;
            if (text == null)
            {
                return new ConfigError(key, "must be a string");
            }

            field = text;
            return null;
        }

        private static ConfigError Int(string key, object value, ref int field)
        {
            if (!(value is long) || (long)value < int.MinValue || (long)value > int.MaxValue)
            {
                return new ConfigError(key, "must be a whole number");
            }

            field = (int)(long)value;
            return null;
        }

        private static ConfigError Flag(string key, object value, ref bool field)
        {
            if (!(value is bool))
            {
                return new ConfigError(key, "must be true or false");
            }

            field = (bool)value;
            return null;
        }
    }
}
