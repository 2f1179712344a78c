using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Config;
using StmNode.Node;
using StmNode.Tests.Guards;
using StmNode.Tests.Node;

namespace StmNode.Tests.Hardware
{
    /// <summary>
    /// hardware/ documents what the firmware assumes: the pin table (pins.csv and the README) must be the firmware's
    /// default pins, and the IoTDA product model must know every property and command the node uses.
    /// </summary>
    [TestClass]
    public class HardwareFilesTests
    {
        [TestMethod]
        public void PinsCsv_MatchesFirmwareDefaultsBothWays()
        {
            Dictionary<string, int> table = ReadPinsCsv();
            PinMap defaults = new PinMap();

            foreach (string name in PinMap.Names)
            {
                Assert.IsTrue(table.ContainsKey(name), "hardware/pins.csv has no row for " + name);
                Assert.AreEqual(defaults.Get(name), table[name], "GPIO of " + name);
            }

            Assert.AreEqual(PinMap.Names.Length, table.Count, "pins.csv has signals the firmware does not know");
        }

        [TestMethod]
        public void ReadmePinTable_MatchesPinsCsv()
        {
            string readme = File.ReadAllText(RepoPaths.Of("hardware/README.md"));

            foreach (KeyValuePair<string, int> pin in ReadPinsCsv())
            {
                string row = "| `" + pin.Key + "` | " + pin.Value + " |";
                Assert.IsTrue(readme.Contains(row), "hardware/README.md lacks the row starting " + row);
            }
        }

        [TestMethod]
        public void DefaultPins_PassValidation()
        {
            NodeConfig config = NodeRig.ValidConfig();

            Assert.IsNull(config.Validate());
        }

        [TestMethod]
        public void ProductModel_HasEveryReportedProperty()
        {
            using JsonDocument model = ReadModel();
            HashSet<string> stm32 = Names(Service(model, PropertyNames.Service), "properties", "property_name");
            HashSet<string> diag = Names(Service(model, PropertyNames.DiagService), "properties", "property_name");
            NodeRig rig = new NodeRig();
            rig.Link.ConnectResult = StmNode.Ports.LinkResult.Refused;
            rig.Start();
            rig.RunFor(6000);

            int checkedReports = 0;
            for (NodeReport report = rig.Controller.Buffer.Peek(); report != null; report = rig.Controller.Buffer.Peek())
            {
                HashSet<string> known = report.ServiceId == PropertyNames.Service ? stm32 : diag;
                for (int i = 0; i < report.Count; i++)
                {
                    Assert.IsTrue(known.Contains(report.NameAt(i)), report.ServiceId + "." + report.NameAt(i) + " is not in the product model");
                }

                rig.Controller.Buffer.RemoveFirst();
                checkedReports++;
            }

            Assert.AreEqual(2, checkedReports);
        }

        [TestMethod]
        public void ProductModel_HasCommandsAndWritableSettings()
        {
            using JsonDocument model = ReadModel();
            JsonElement stm32 = Service(model, PropertyNames.Service);
            HashSet<string> commands = Names(stm32, "commands", "command_name");

            CollectionAssert.AreEquivalent(new[] { PropertyNames.SetLed, PropertyNames.SetInterval, PropertyNames.ReportNow }, new List<string>(commands));
            foreach (string writable in new[] { PropertyNames.Led1, PropertyNames.Led2, PropertyNames.Led3, PropertyNames.ReportPeriod,
                PropertyNames.DiagPeriod, PropertyNames.GasThreshold, PropertyNames.AlarmMinInterval })
            {
                string method = Property(stm32, writable).GetProperty("method").GetString();
                Assert.IsTrue(method.Contains('W'), writable + " must be writable, is " + method);
            }
        }

        [TestMethod]
        public void ProductModel_MatchesNodeDeviceModelChecks()
        {
            using JsonDocument model = ReadModel();
            JsonElement stm32 = Service(model, PropertyNames.Service);
            StmNode.Cloud.DeviceModel device = NodeDeviceModel.Create();
            Assert.AreEqual(PropertyNames.Service, device.ServiceId);

            foreach (JsonElement command in stm32.GetProperty("commands").EnumerateArray())
            {
                StmNode.Cloud.CommandSpec spec = device.FindCommand(command.GetProperty("command_name").GetString());
                Assert.IsNotNull(spec, command.GetProperty("command_name").GetString());
                Assert.AreEqual(command.GetProperty("responses")[0].GetProperty("response_name").GetString(), spec.ResponseName);
                Assert.AreEqual(command.GetProperty("paras").GetArrayLength(), spec.Parameters.Length, spec.Name);
                foreach (StmNode.Cloud.ParameterSpec para in spec.Parameters)
                {
                    JsonElement json = Find(command.GetProperty("paras"), "para_name", para.Name);
                    AssertSameRange(json, para, spec.Name + "." + para.Name);
                }
            }

            Assert.AreEqual(device.Commands.Length, stm32.GetProperty("commands").GetArrayLength());
            foreach (StmNode.Cloud.ParameterSpec writable in device.WritableProperties)
            {
                JsonElement json = Property(stm32, writable.Name);
                Assert.IsTrue(json.GetProperty("method").GetString().Contains('W'), writable.Name);
                AssertSameRange(json, writable, writable.Name);
            }
        }

        private static void AssertSameRange(JsonElement json, StmNode.Cloud.ParameterSpec spec, string what)
        {
            Assert.AreEqual("int", json.GetProperty("data_type").GetString(), what);
            Assert.AreEqual(spec.Min, double.Parse(json.GetProperty("min").GetString()), what + " min");
            Assert.AreEqual(spec.Max, double.Parse(json.GetProperty("max").GetString()), what + " max");
            Assert.AreEqual(spec.Required, json.GetProperty("required").GetBoolean(), what + " required");
        }

        private static JsonElement Find(JsonElement array, string field, string name)
        {
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.GetProperty(field).GetString() == name)
                {
                    return item;
                }
            }

            throw new InvalidOperationException(name + " missing from the product model");
        }

        [TestMethod]
        public void ExampleConfig_LoadsAndMatchesDefaults()
        {
            byte[] json = File.ReadAllBytes(RepoPaths.Of("firmware/StmNode/node-config.example.json"));
            NodeConfig config = new NodeConfig();

            ConfigError error = NodeConfigParser.Load(json, 0, json.Length, config);

            Assert.IsNull(error, error == null ? "" : error.ToString());
            PinMap defaults = new PinMap();
            foreach (string name in PinMap.Names)
            {
                Assert.AreEqual(defaults.Get(name), config.Pins.Get(name), name);
            }

            NodeConfig plain = new NodeConfig();
            Assert.AreEqual(plain.ReportPeriodSeconds, config.ReportPeriodSeconds);
            Assert.AreEqual(plain.BackoffMaxMs, config.BackoffMaxMs);
            Assert.AreEqual(plain.TransportOrder.Length, config.TransportOrder.Length);
        }

        private static Dictionary<string, int> ReadPinsCsv()
        {
            string[] lines = File.ReadAllLines(RepoPaths.Of("hardware/pins.csv"));
            Assert.AreEqual("signal,gpio,device,device_pin,notes", lines[0]);
            Dictionary<string, int> pins = new Dictionary<string, int>();
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0)
                {
                    continue;
                }

                string[] cells = lines[i].Split(',');
                Assert.IsTrue(cells.Length >= 5, "pins.csv line " + (i + 1));
                Assert.IsFalse(pins.ContainsKey(cells[0]), "pins.csv lists " + cells[0] + " twice");
                pins.Add(cells[0], int.Parse(cells[1]));
            }

            return pins;
        }

        private static JsonDocument ReadModel()
        {
            return JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("hardware/iotda-product-model.json")));
        }

        private static JsonElement Service(JsonDocument model, string serviceId)
        {
            foreach (JsonElement service in model.RootElement.GetProperty("service_capabilities").EnumerateArray())
            {
                if (service.GetProperty("service_id").GetString() == serviceId)
                {
                    return service;
                }
            }

            throw new InvalidOperationException("service " + serviceId + " missing from the product model");
        }

        private static JsonElement Property(JsonElement service, string name)
        {
            foreach (JsonElement property in service.GetProperty("properties").EnumerateArray())
            {
                if (property.GetProperty("property_name").GetString() == name)
                {
                    return property;
                }
            }

            throw new InvalidOperationException("property " + name + " missing from the product model");
        }

        private static HashSet<string> Names(JsonElement service, string list, string field)
        {
            HashSet<string> names = new HashSet<string>();
            foreach (JsonElement item in service.GetProperty(list).EnumerateArray())
            {
                names.Add(item.GetProperty(field).GetString());
            }

            return names;
        }
    }
}
