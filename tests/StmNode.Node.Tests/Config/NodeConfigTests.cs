#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Config;
using StmNode.Tests.Node;

namespace StmNode.Tests.Config
{
    [TestClass]
    public class NodeConfigTests
    {
        [TestMethod]
        public void Validate_Defaults_NeedDeviceCredentials()
        {
            NodeConfig config = new NodeConfig();

            ConfigError error = config.Validate();

            Assert.IsNotNull(error);
            Assert.AreEqual("device_id", error.Field);
        }

        [TestMethod]
        public void Validate_FilledIn_Passes()
        {
            NodeConfig config = NodeRig.ValidConfig();

            Assert.IsNull(config.Validate());
            Assert.AreEqual(60, config.ReportPeriodSeconds);
            Assert.AreEqual(1000, config.BackoffInitialMs);
            Assert.AreEqual(300000, config.BackoffMaxMs);
        }

        [TestMethod]
        [DataRow(0, "device_id")]
        [DataRow(1, "device_id")]
        [DataRow(2, "device_secret")]
        [DataRow(3, "cloud_profile")]
        [DataRow(4, "cloud_host")]
        [DataRow(5, "keep_alive_s")]
        [DataRow(6, "transport_order")]
        [DataRow(7, "transport_order")]
        [DataRow(8, "transport_order")]
        [DataRow(9, "report_period_s")]
        [DataRow(10, "dht_max_age_s")]
        [DataRow(11, "gas_threshold_percent")]
        [DataRow(12, "backoff_max_ms")]
        [DataRow(13, "wifi_ssid")]
        [DataRow(14, "offline_buffer")]
        [DataRow(15, "failback_check_s")]
        [DataRow(16, "failback_check_s")]
        public void Validate_BadField_NamesIt(int breakage, string field)
        {
            NodeConfig config = NodeRig.ValidConfig();
            switch (breakage)
            {
                case 0: config.DeviceId = ""; break;
                case 1: config.DeviceId = "node 01"; break;
                case 2: config.DeviceSecret = ""; break;
                case 3: config.CloudProfile = "azure"; break;
                case 4: config.CloudHost = ""; break;
                case 5: config.KeepAliveSeconds = 20; break;
                case 6: config.TransportOrder = new string[] { "wifi", "lora" }; break;
                case 7: config.TransportOrder = new string[] { "wifi", "wifi" }; break;
                case 8: config.TransportOrder = new string[0]; break;
                case 9: config.ReportPeriodSeconds = 1; break;
                case 10: config.DhtMaxAgeSeconds = 1; break;
                case 11: config.GasThresholdPercent = 101; break;
                case 12: config.BackoffMaxMs = 10; break;
                case 13: config.WifiSsid = ""; break;
                case 14: config.OfflineBufferCapacity = NodeConfig.MaxOfflineBuffer + 1; break;
                case 15: config.FailbackCheckSeconds = 59; break;
                case 16: config.FailbackCheckSeconds = -1; break;
            }

            ConfigError error = config.Validate();

            Assert.IsNotNull(error);
            Assert.AreEqual(field, error.Field);
        }

        [TestMethod]
        [DataRow("led1", 26, "pins.led2", "already used by led1")]
        [DataRow("led2", 35, "pins.led2", "input-only")]
        [DataRow("flame", 7, "pins.flame", "SPI flash")]
        [DataRow("water", 24, "pins.water", "does not exist")]
        [DataRow("mq2_analog", 15, "pins.mq2_analog", "ADC1")]
        [DataRow("led3", -1, "pins.led1", "all three")]
        public void Validate_BadPin_NamesIt(string signal, int gpio, string field, string reason)
        {
            NodeConfig config = NodeRig.ValidConfig();
            Assert.IsTrue(config.Pins.Set(signal, gpio));

            ConfigError error = config.Validate();

            Assert.IsNotNull(error);
            Assert.AreEqual(field, error.Field);
            Assert.IsTrue(error.Reason.IndexOf(reason) >= 0, error.ToString());
        }

        [TestMethod]
        [DataRow("dht11_echo", "pins.dht11_echo")]
        [DataRow("dht11_trigger", "pins.dht11_trigger")]
        public void Validate_DhtWithOnePin_NamesTheMissingOne(string unset, string field)
        {
            NodeConfig config = NodeRig.ValidConfig();
            Assert.IsTrue(config.Pins.Set(unset, -1));

            ConfigError error = config.Validate();

            Assert.IsNotNull(error);
            Assert.AreEqual(field, error.Field);
            Assert.IsTrue(error.Reason.IndexOf("both") >= 0, error.ToString());
        }

        [TestMethod]
        public void Validate_NoDht_Allowed()
        {
            NodeConfig config = NodeRig.ValidConfig();
            config.Pins.Dht11Echo = -1;
            config.Pins.Dht11Trigger = -1;

            Assert.IsNull(config.Validate());
        }

        [TestMethod]
        [DataRow("ec20", "ec20_rx")]
        [DataRow("ec20", "ec20_tx")]
        [DataRow("ec20", "ec20_pwrkey")]
        [DataRow("bc26", "bc26_rx")]
        [DataRow("bc26", "bc26_tx")]
        [DataRow("bc26", "bc26_pwrkey")]
        public void Validate_ModemInOrderWithoutPin_NamesThePin(string modem, string signal)
        {
            NodeConfig config = NodeRig.ValidConfig();
            config.TransportOrder = new string[] { "wifi", modem };
            Assert.IsNull(config.Validate());
            Assert.IsTrue(config.Pins.Set(signal, -1));

            ConfigError error = config.Validate();

            Assert.IsNotNull(error);
            Assert.AreEqual("pins." + signal, error.Field);
            Assert.IsTrue(error.Reason.IndexOf(modem) >= 0, error.ToString());
        }

        [TestMethod]
        public void Validate_ModemPinsUnsetButModemNotUsed_Allowed()
        {
            NodeConfig config = NodeRig.ValidConfig();
            config.Pins.Ec20Rx = -1;
            config.Pins.Ec20PwrKey = -1;
            config.Pins.Bc26Tx = -1;
            config.Pins.Ec20Reset = -1;

            Assert.IsNull(config.Validate());
        }

        [TestMethod]
        public void Validate_UnfittedSensor_Allowed()
        {
            NodeConfig config = NodeRig.ValidConfig();
            config.Pins.Light = -1;

            Assert.IsNull(config.Validate());
        }

        [TestMethod]
        public void PinMap_GetSetByName_CoverEveryName()
        {
            PinMap pins = new PinMap();
            for (int i = 0; i < PinMap.Names.Length; i++)
            {
                Assert.IsTrue(pins.Get(PinMap.Names[i]) >= 0, PinMap.Names[i]);
                Assert.IsTrue(pins.Set(PinMap.Names[i], 100 + i));
                Assert.AreEqual(100 + i, pins.Get(PinMap.Names[i]));
            }

            Assert.AreEqual(-2, pins.Get("servo"));
            Assert.IsFalse(pins.Set("servo", 1));
        }

        [TestMethod]
        [DataRow(34, 6)]
        [DataRow(36, 0)]
        [DataRow(32, 4)]
        [DataRow(25, -1)]
        public void Adc1Channel_MapsGpio(int gpio, int channel)
        {
            Assert.AreEqual(channel, PinMap.Adc1Channel(gpio));
        }

        [TestMethod]
        [DataRow(40, true)]
        [DataRow(41, false)]
        public void Validate_EspAtWithIotda_DeviceIdKeepsResponseTopicsWithin128Bytes(int idLength, bool accepted)
        {
            // $oc/devices/{id}/sys/properties/set/response/request_id={36-character id}: 88 bytes plus the id, and
            // ESP-AT's AT+MQTTPUBRAW takes a topic of at most 128 bytes (esp-at MQTT AT Commands).
            NodeConfig config = NodeRig.ValidConfig();
            config.DeviceId = new string('d', idLength);
            config.TransportOrder = new string[] { "esp-at" };

            ConfigError error = config.Validate();

            Assert.AreEqual(accepted, error == null);
            if (!accepted)
            {
                Assert.AreEqual("device_id", error.Field);
                Assert.IsTrue(error.Reason.IndexOf("128") >= 0, error.Reason);
            }
        }

        [TestMethod]
        public void Validate_LongDeviceIdOverWifi_Accepted()
        {
            NodeConfig config = NodeRig.ValidConfig();
            config.DeviceId = new string('d', 100);

            Assert.IsNull(config.Validate());
        }

        [TestMethod]
        public void PinMap_Defaults_AvoidTheFlashAndPsramPinsOfWroverModules()
        {
            // ESP32-WROVER modules wire GPIO16/17 to their PSRAM and every module wires GPIO6-11 to the flash.
            PinMap pins = new PinMap();
            for (int i = 0; i < PinMap.Names.Length; i++)
            {
                int gpio = pins.Get(PinMap.Names[i]);
                Assert.IsFalse(gpio >= 6 && gpio <= 11, PinMap.Names[i]);
                Assert.IsFalse(gpio == 16 || gpio == 17, PinMap.Names[i]);
            }
        }
    }
}
