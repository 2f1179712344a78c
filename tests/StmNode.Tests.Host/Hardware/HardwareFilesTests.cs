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
    /// default pins, and the IoTDA product model must know every property the node reports (ProductModelTests keeps it equal to the node's table).
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
            HashSet<string> stm32 = Names(Service(model, Stm32Service.Id), "properties", "property_name");
            HashSet<string> diag = Names(Service(model, DiagService.Id), "properties", "property_name");
            NodeRig rig = new NodeRig();
            rig.Link.ConnectResult = StmNode.Ports.LinkResult.Refused;
            rig.Start();
            rig.RunFor(6000);

            int checkedReports = 0;
            for (NodeReport report = rig.Controller.Buffer.Peek(); report != null; report = rig.Controller.Buffer.Peek())
            {
                HashSet<string> known = report.ServiceId == Stm32Service.Id ? stm32 : diag;
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
