using System;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Config;
using StmNode.Host.Adapters;
using StmNode.Host.Composition;
using StmNode.IntegrationTests.Support;

namespace StmNode.IntegrationTests.EndToEnd
{
    /// <summary>The node's own MQTT 3.1.1 client against a real mosquitto, observed and driven with mosquitto_sub / mosquitto_pub.</summary>
    [TestClass]
    public class MosquittoTests
    {
        private const string DeviceId = "stmnode-e2e";

        [TestMethod]
        public async Task Node_OnMosquitto_ReportSeenByMosquittoSubAndCommandFromMosquittoPubAnswered()
        {
            if (!Mosquitto.IsInstalled)
            {
                Assert.Inconclusive("mosquitto, mosquitto_sub or mosquitto_pub is not installed (Debian: mosquitto, mosquitto-clients)");
            }

            using Mosquitto broker = await Mosquitto.StartAsync();
            using Process reports = broker.Subscribe("devices/" + DeviceId + "/report", 1);
            using Process responses = broker.Subscribe("devices/" + DeviceId + "/commands/response/#", 1);
            await Task.Delay(500); // let both clients subscribe before the node speaks

            var log = new RecordingLog();
            NodeConfig config = EndToEndRig.FastConfig(broker.Port);
            config.DeviceId = DeviceId;
            config.ReportPeriodSeconds = 60;
            var spec = new NodeSpec
            {
                Link = "tcp",
                Config = config,
                Profile = CloudFactory.GenericMqtt("127.0.0.1", broker.Port, false, DeviceId, null, null),
            };
            using HostedNode node = NodeBuilder.Build(spec, new SystemClock(), log, out string error) ?? throw new InvalidOperationException(error);
            node.Start();

            string reportLine = await ReadLineAsync(reports);
            StringAssert.StartsWith(reportLine, "devices/" + DeviceId + "/report {", string.Join("\n", log.Lines));
            JsonNode report = JsonNode.Parse(reportLine.Substring(reportLine.IndexOf(' ') + 1));
            Assert.AreEqual("stm32", report["services"][0]["service_id"].GetValue<string>());
            Assert.AreEqual(22.0, report["services"][0]["properties"]["DHT11_T"].GetValue<double>());

            Assert.IsTrue(await broker.PublishAsync("devices/" + DeviceId + "/commands/req-42",
                "{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"LED3\":1}}"));
            string responseLine = await ReadLineAsync(responses);
            StringAssert.StartsWith(responseLine, "devices/" + DeviceId + "/commands/response/req-42 {", string.Join("\n", log.Lines));
            JsonNode response = JsonNode.Parse(responseLine.Substring(responseLine.IndexOf(' ') + 1));
            Assert.AreEqual(0, response["result_code"].GetValue<int>());
            Assert.IsTrue(node.Board.IsLedOn(3));
        }

        private static async Task<string> ReadLineAsync(Process client)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            string line = await client.StandardOutput.ReadLineAsync(timeout.Token);
            return line ?? "(mosquitto_sub ended without a message)";
        }
    }
}
