using System.Text;
using StmNode.Cloud;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.Config
{
    /// <summary>
    /// Everything the node can be configured with, with working defaults. Loaded from a JSON file
    /// (<see cref="NodeConfigParser"/>), checked by <see cref="Validate"/>; the periods and thresholds may also be
    /// changed at run time by an IoTDA properties set.
    /// </summary>
    public sealed class NodeConfig
    {
        /// <summary>Transport names the node knows, in the order used when none is configured.</summary>
        public static readonly string[] KnownTransports = new string[] { "wifi", "ec20", "bc26", "esp-at" };

        /// <summary>
        /// Most reports the offline buffer may hold. Each waiting report is a small object graph of about 1 KB
        /// (960 B measured on .NET x64), and the device has roughly 80-110 KB of managed heap for everything.
        /// </summary>
        public const int MaxOfflineBuffer = 64;

        /// <summary>Longest topic ESP-AT's MQTT commands take (espressif/esp-at MQTT AT Commands, every release).</summary>
        public const int EspAtMaxTopicBytes = 128;

        // Device credentials and cloud.
        public string DeviceId = "";
        public string DeviceSecret = "";
        public string CloudProfile = "huawei-iotda";
        public string CloudHost = "";
        public int CloudPort = 8883;
        public bool CloudTls = true;
        public int KeepAliveSeconds = 120;

        // Transports.
        public string[] TransportOrder = new string[] { "wifi", "ec20", "bc26" };
        public string WifiSsid = "";
        public string WifiPassword = "";
        /// <summary>APN for the cellular modems; empty lets the network assign its default.</summary>
        public string Apn = "";

        /// <summary>The BC26 has no MQTT over TLS: it connects to the cloud's plain port (IoTDA: 1883).</summary>
        public int Bc26PlainPort = 1883;

        public PinMap Pins = new PinMap();

        // Periods.
        public int ReportPeriodSeconds = 60;
        public int DiagPeriodSeconds = 300;
        /// <summary>Least time between two reports caused by alarm edges.</summary>
        public int AlarmMinIntervalSeconds = 5;
        public int SensorPollMs = 100;
        public int DhtPeriodSeconds = 5;
        /// <summary>A DHT11 reading older than this is stale and left out of reports.</summary>
        public int DhtMaxAgeSeconds = 30;
        public int DhtRetries = 3;
        public int DebounceMs = 50;

        // Thresholds and sensor polarity. The usual LM393 comparator modules pull their DO low when triggered.
        /// <summary>MQ2 analog level (percent of full scale) at or above which gas counts as alarm even if DO is quiet; 0 disables.</summary>
        public int GasThresholdPercent = 60;
        public bool GasActiveHigh = false;
        public bool FlameActiveHigh = false;
        public bool WaterActiveHigh = true;
        /// <summary>The light module's DO is low when it is bright; "active" means light.</summary>
        public bool LightActiveHigh = false;

        // Offline buffer and link supervision.
        public int OfflineBufferCapacity = 32;
        public int ReplayIntervalMs = 1000;
        public int BackoffInitialMs = 1000;
        public int BackoffMaxMs = 300000;
        /// <summary>Consecutive failed connects on one transport before the next one in the order is tried.</summary>
        public int FailoverAfterFailures = 4;
        /// <summary>Offline longer than this (every transport and the modem ladder tried) → ask for a reboot; 0 never.</summary>
        public int RebootAfterOfflineSeconds = 3600;
        /// <summary>Online on a backup transport, try the preferred one(s) this often; 0 never goes back.</summary>
        public int FailbackCheckSeconds = 600;

        public LogLevel LogLevel = LogLevel.Info;

        /// <summary>Null when every field is acceptable, otherwise the first bad field and why.</summary>
        public ConfigError Validate()
        {
            if (DeviceId == null || DeviceId.Length == 0 || DeviceId.Length > 128)
            {
                return new ConfigError("device_id", "required, 1..128 characters");
            }

            if (!IsDeviceIdText(DeviceId))
            {
                return new ConfigError("device_id", "only letters, digits, '_' and '-' are allowed");
            }

            if (DeviceSecret == null || DeviceSecret.Length == 0)
            {
                return new ConfigError("device_secret", "required");
            }

            if (CloudProfile != "huawei-iotda")
            {
                return new ConfigError("cloud_profile", "unknown profile (known: huawei-iotda)");
            }

            if (CloudHost == null || CloudHost.Length == 0)
            {
                return new ConfigError("cloud_host", "required");
            }

            ConfigError error = Range("cloud_port", CloudPort, 1, 65535);
            if (error == null) error = Range("keep_alive_s", KeepAliveSeconds, 30, 1200);
            if (error == null) error = Range("bc26_plain_port", Bc26PlainPort, 1, 65535);
            if (error == null) error = CheckTransports();
            if (error == null) error = CheckEspAtTopics();
            if (error == null) error = CheckPins();
            if (error == null) error = Range("report_period_s", ReportPeriodSeconds, Stm32Service.ReportPeriod);
            if (error == null) error = Range("diag_period_s", DiagPeriodSeconds, Stm32Service.DiagPeriod);
            if (error == null) error = Range("alarm_min_interval_s", AlarmMinIntervalSeconds, Stm32Service.AlarmMinInterval);
            if (error == null) error = Range("sensor_poll_ms", SensorPollMs, 10, 5000);
            if (error == null) error = Range("dht_period_s", DhtPeriodSeconds, 2, 3600);
            if (error == null) error = Range("dht_max_age_s", DhtMaxAgeSeconds, DhtPeriodSeconds, 86400);
            if (error == null) error = Range("dht_retries", DhtRetries, 1, 10);
            if (error == null) error = Range("debounce_ms", DebounceMs, 0, 10000);
            if (error == null) error = Range("gas_threshold_percent", GasThresholdPercent, Stm32Service.GasThreshold);
            if (error == null) error = Range("offline_buffer", OfflineBufferCapacity, 1, MaxOfflineBuffer);
            if (error == null) error = Range("replay_interval_ms", ReplayIntervalMs, 20, 60000);
            if (error == null) error = Range("backoff_initial_ms", BackoffInitialMs, 100, 60000);
            if (error == null) error = Range("backoff_max_ms", BackoffMaxMs, BackoffInitialMs, 3600000);
            if (error == null) error = Range("failover_after_failures", FailoverAfterFailures, 1, 100);
            if (error == null) error = Range("reboot_after_offline_s", RebootAfterOfflineSeconds, 0, 604800);
            if (error == null && FailbackCheckSeconds != 0) error = Range("failback_check_s", FailbackCheckSeconds, 60, 86400);
            return error;
        }

        /// <summary>True when the transport name appears in <see cref="TransportOrder"/>.</summary>
        public bool UsesTransport(string name)
        {
            for (int i = 0; i < TransportOrder.Length; i++)
            {
                if (TransportOrder[i] == name)
                {
                    return true;
                }
            }

            return false;
        }

        private ConfigError CheckTransports()
        {
            if (TransportOrder == null || TransportOrder.Length == 0)
            {
                return new ConfigError("transport_order", "at least one transport is required");
            }

            for (int i = 0; i < TransportOrder.Length; i++)
            {
                string name = TransportOrder[i];
                if (!IsKnownTransport(name))
                {
                    return new ConfigError("transport_order", "unknown transport '" + name + "' (known: wifi, ec20, bc26, esp-at)");
                }

                for (int j = 0; j < i; j++)
                {
                    if (TransportOrder[j] == name)
                    {
                        return new ConfigError("transport_order", "'" + name + "' is listed twice");
                    }
                }
            }

            if ((UsesTransport("wifi") || UsesTransport("esp-at")) && (WifiSsid == null || WifiSsid.Length == 0))
            {
                return new ConfigError("wifi_ssid", "required when the transport order contains wifi or esp-at");
            }

            return null;
        }

        /// <summary>
        /// ESP-AT carries a topic of at most 128 bytes (MQTT AT Commands, AT+MQTTPUB / AT+MQTTPUBRAW / AT+MQTTSUB;
        /// there is no long-topic form). IoTDA's longest topic the node publishes is a property set/get response,
        /// <c>$oc/devices/{device_id}/sys/properties/set/response/request_id={request_id}</c>: refused here, at start-up,
        /// rather than timed out at the platform.
        /// </summary>
        private ConfigError CheckEspAtTopics()
        {
            int longest = HuaweiIotdaTopics.LongestResponseTopicBytes(DeviceId);
            if (UsesTransport("esp-at") && CloudProfile == "huawei-iotda" && longest > EspAtMaxTopicBytes)
            {
                return new ConfigError("device_id", "with the esp-at transport the IoTDA response topics reach " + longest.ToString()
                    + " bytes, over ESP-AT's " + EspAtMaxTopicBytes.ToString() + "-byte topic limit: use a device id of at most "
                    + (EspAtMaxTopicBytes - longest + Encoding.UTF8.GetBytes(DeviceId).Length).ToString() + " bytes or another transport");
            }

            return null;
        }

        private ConfigError CheckPins()
        {
            string[] names = PinMap.Names;
            for (int i = 0; i < names.Length; i++)
            {
                int gpio = Pins.Get(names[i]);
                string field = "pins." + names[i];
                if (gpio == -1)
                {
                    continue;
                }

                if (gpio < 0 || gpio > 39 || (gpio >= 20 && gpio <= 31 && gpio != 21 && gpio != 22 && gpio != 23 && gpio != 25 && gpio != 26 && gpio != 27))
                {
                    return new ConfigError(field, "GPIO " + gpio.ToString() + " does not exist on the ESP32");
                }

                if (gpio >= 6 && gpio <= 11)
                {
                    return new ConfigError(field, "GPIO " + gpio.ToString() + " is wired to the SPI flash");
                }

                if (gpio >= 34 && IsOutput(names[i]))
                {
                    return new ConfigError(field, "GPIO " + gpio.ToString() + " is input-only and cannot drive an output");
                }

                for (int j = 0; j < i; j++)
                {
                    if (Pins.Get(names[j]) == gpio)
                    {
                        return new ConfigError(field, "GPIO " + gpio.ToString() + " is already used by " + names[j]);
                    }
                }
            }

            if (Pins.Mq2Analog != -1 && PinMap.Adc1Channel(Pins.Mq2Analog) < 0)
            {
                return new ConfigError("pins.mq2_analog", "must be an ADC1 pin (32..39); ADC2 does not work while Wi-Fi runs");
            }

            if (Pins.Led1 == -1 || Pins.Led2 == -1 || Pins.Led3 == -1)
            {
                return new ConfigError("pins.led1", "all three LEDs need a pin");
            }

            // The DHT11 binding drives and reads its data line through two GPIOs: half of it is a wiring mistake.
            if ((Pins.Dht11Echo == -1) != (Pins.Dht11Trigger == -1))
            {
                return new ConfigError(Pins.Dht11Echo == -1 ? "pins.dht11_echo" : "pins.dht11_trigger",
                    "the DHT11 needs both dht11_echo and dht11_trigger (both -1: no DHT11)");
            }

            ConfigError error = CheckModemPins("ec20");
            return error == null ? CheckModemPins("bc26") : error;
        }

        // A modem in the transport order cannot talk without its UART nor start without its PWRKEY (reset is optional).
        private ConfigError CheckModemPins(string modem)
        {
            if (!UsesTransport(modem))
            {
                return null;
            }

            string[] signals = new string[] { modem + "_rx", modem + "_tx", modem + "_pwrkey" };
            for (int i = 0; i < signals.Length; i++)
            {
                if (Pins.Get(signals[i]) == -1)
                {
                    return new ConfigError("pins." + signals[i], "required when the transport order contains " + modem);
                }
            }

            return null;
        }

        private static bool IsOutput(string signal)
        {
            switch (signal)
            {
                case "led1":
                case "led2":
                case "led3":
                case "dht11_trigger":
                case "ec20_tx":
                case "ec20_pwrkey":
                case "ec20_reset":
                case "bc26_tx":
                case "bc26_pwrkey":
                case "bc26_reset":
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsKnownTransport(string name)
        {
            for (int i = 0; i < KnownTransports.Length; i++)
            {
                if (KnownTransports[i] == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDeviceIdText(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        // A setting the cloud may also write: the product model's range.
        private static ConfigError Range(string field, int value, ModelProperty allowed)
        {
            return Range(field, value, (int)allowed.Min, (int)allowed.Max);
        }

        private static ConfigError Range(string field, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                return new ConfigError(field, "must be between " + min.ToString() + " and " + max.ToString() + ", was " + value.ToString());
            }

            return null;
        }
    }
}
