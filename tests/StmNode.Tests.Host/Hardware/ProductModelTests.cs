using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Node;
using StmNode.Tests.Guards;

namespace StmNode.Tests.Hardware
{
    /// <summary>
    /// hardware/iotda-product-model.json is what the IoTDA console holds; the node's table is what it checks and applies.
    /// They must be equal, and the check must notice a change to either one alone.
    /// </summary>
    [TestClass]
    public class ProductModelTests
    {
        [TestMethod]
        public void ProductModelFile_EqualsTheNodeTable()
        {
            List<string> differences = ProductModelDiff.Compare(ReadModel(), ProductModelDiff.NodeTables());

            Assert.AreEqual(0, differences.Count, string.Join("\n", differences));
        }

        [TestMethod]
        [DataRow("LED2 max", "stm32.LED2 max")]
        [DataRow("property added", "stm32 property_name")]
        [DataRow("parameter removed", "stm32.SET_LED para_name")]
        [DataRow("response renamed", "stm32.REPORT_NOW response_name")]
        [DataRow("method", "stm32.report_period method")]
        [DataRow("max_length", "diag.imei max_length")]
        [DataRow("required", "stm32.SET_INTERVAL.seconds required")]
        [DataRow("field added", "stm32.LED1: field enum_list")]
        [DataRow("service renamed", "services")]
        public void Compare_FileChangedAlone_NamesTheDifference(string change, string expected)
        {
            JsonNode model = ReadModel();
            JsonNode stm32 = model["service_capabilities"][0];
            switch (change)
            {
                case "LED2 max": stm32["properties"][8]["max"] = "2"; break;
                case "property added": stm32["properties"].AsArray().Add(JsonNode.Parse("{\"property_name\":\"LED4\",\"data_type\":\"int\",\"required\":false,\"min\":\"0\",\"max\":\"1\",\"method\":\"RW\"}")); break;
                case "parameter removed": stm32["commands"][0]["paras"].AsArray().RemoveAt(4); break;
                case "response renamed": stm32["commands"][2]["responses"][0]["response_name"] = "REPORT_RSP"; break;
                case "method": stm32["properties"][10]["method"] = "RW"; break;
                case "max_length": model["service_capabilities"][1]["properties"][10]["max_length"] = 15; break;
                case "required": stm32["commands"][1]["paras"][0]["required"] = false; break;
                case "field added": stm32["properties"][7]["enum_list"] = new JsonArray("0", "1"); break;
                default: model["service_capabilities"][1]["service_id"] = "health"; break;
            }

            List<string> differences = ProductModelDiff.Compare(model, ProductModelDiff.NodeTables());

            Assert.IsTrue(differences.Exists(d => d.StartsWith(expected, StringComparison.Ordinal)), change + ": " + string.Join("\n", differences));
        }

        [TestMethod]
        [DataRow("range", "stm32.gas_threshold max")]
        [DataRow("type", "stm32.DHT11_T data_type")]
        [DataRow("command dropped", "stm32 commands")]
        [DataRow("response parameter", "stm32.SET_INTERVAL response para_name")]
        public void Compare_TableChangedAlone_NamesTheDifference(string change, string expected)
        {
            ProductModelDiff.ServiceTable[] tables = ProductModelDiff.NodeTables();
            ProductModelDiff.ServiceTable stm32 = tables[0];
            ModelProperty[] properties = (ModelProperty[])stm32.Properties.Clone();
            ModelCommand[] commands = (ModelCommand[])stm32.Commands.Clone();
            switch (change)
            {
                case "range":
                    properties[12] = ModelProperty.Setting("gas_threshold", 0, 99, ModelTarget.GasThreshold);
                    break;
                case "type":
                    properties[0] = ModelProperty.Reading("DHT11_T", -20, 70);
                    break;
                case "command dropped":
                    commands = new[] { commands[0], commands[1] };
                    break;
                default:
                    ModelCommand setInterval = commands[1];
                    commands[1] = new ModelCommand(setInterval.Name, setInterval.Parameters, setInterval.ResponseName,
                        new[] { ModelProperty.Result(), ModelProperty.Parameter("minutes", 0, 1440, false, ModelTarget.None, 0) }, false);
                    break;
            }

            tables[0] = new ProductModelDiff.ServiceTable(stm32.Id, properties, commands);
            List<string> differences = ProductModelDiff.Compare(ReadModel(), tables);

            Assert.IsTrue(differences.Exists(d => d.StartsWith(expected, StringComparison.Ordinal)), change + ": " + string.Join("\n", differences));
        }

        private static JsonNode ReadModel()
        {
            return JsonNode.Parse(File.ReadAllText(RepoPaths.Of("hardware/iotda-product-model.json")));
        }
    }
}
