using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.EndToEnd
{
    /// <summary>
    /// The real node on every link, through the host's composition, against the IoTDA emulator: reports with the
    /// device model's JSON, alarm edges, command, property set and get round trips, broker restart with the offline
    /// reports replayed in order, and an emulated modem reboot.
    /// </summary>
    [TestClass]
    public class EndToEndTests
    {
        private static readonly string[] ReportProperties =
            { "DHT11_T", "DHT11_H", "MQ2", "gas_level", "flame", "water", "light", "LED1", "LED2", "LED3" };

        [TestMethod]
        [DataRow("tcp")]
        [DataRow("bc26")]
        [DataRow("ec20")]
        [DataRow("esp-at")]
        [DataRow("tcp-raw")]
        public async Task Node_OnLink_ReportsAlarmsAndAnswersRequests(string link)
        {
            // A long period, so every report after the first is caused by an alarm edge or an LED change.
            await using var rig = await EndToEndRig.StartAsync(link, reportPeriodSeconds: 60);
            var board = rig.Node.Board;

            IotdaPropertyReport first = await rig.Cloud.WaitForReportAsync(EndToEndRig.DeviceId, r => r.PropertiesOf("stm32") != null, EndToEndRig.Soon);
            Assert.IsNotNull(first, "no periodic report\n" + rig.LogText());
            JsonObject properties = first.PropertiesOf("stm32");
            CollectionAssert.AreEquivalent(ReportProperties, properties.Select(p => p.Key).ToArray(), properties.ToJsonString());
            Assert.AreEqual(22.0, properties["DHT11_T"].GetValue<double>());
            Assert.AreEqual(55.0, properties["DHT11_H"].GetValue<double>());
            Assert.AreEqual(0, properties["MQ2"].GetValue<int>());
            Assert.AreEqual(0, properties["flame"].GetValue<int>());
            Assert.AreEqual(1, properties["light"].GetValue<int>());
            Assert.AreEqual(0, properties["LED1"].GetValue<int>());
            Assert.IsTrue(first.Body["services"][0]["event_time"]?.GetValue<string>().Length == 16, first.Body.ToJsonString());

            var flameReport = rig.NextReportAsync(p => p["flame"].GetValue<int>() == 1, EndToEndRig.Soon);
            board.Flame = true;
            Assert.IsNotNull(await flameReport, "no report on the flame edge\n" + rig.LogText());

            var ledReport = rig.NextReportAsync(p => p["LED1"].GetValue<int>() == 1, EndToEndRig.Soon);
            IotdaRequestResult command = await rig.Cloud.SendCommandAsync(EndToEndRig.DeviceId, "stm32", "SET_LED", new JsonObject { ["LED1"] = 1 });
            Assert.IsTrue(command.IsSuccess, command.Outcome + " " + command.Body?.ToJsonString() + "\n" + rig.LogText());
            Assert.AreEqual("SET_LED_RSP", command.Body["response_name"].GetValue<string>());
            Assert.IsTrue(board.IsLedOn(1));
            Assert.IsNotNull(await ledReport, "no report after the LED changed");

            IotdaRequestResult bad = await rig.Cloud.SendCommandAsync(EndToEndRig.DeviceId, "stm32", "SET_LED", new JsonObject { ["LED3"] = 7 });
            Assert.AreEqual(IotdaRequestOutcome.Answered, bad.Outcome);
            Assert.AreNotEqual(0, bad.ResultCode, bad.Body?.ToJsonString());
            Assert.IsFalse(board.IsLedOn(3));

            IotdaRequestResult set = await rig.Cloud.SetPropertiesAsync(EndToEndRig.DeviceId, "stm32", new JsonObject { ["LED2"] = 1 });
            Assert.IsTrue(set.IsSuccess, set.Outcome + " " + set.Body?.ToJsonString());
            Assert.IsTrue(board.IsLedOn(2));

            IotdaRequestResult get = await rig.Cloud.GetPropertiesAsync(EndToEndRig.DeviceId, "stm32");
            Assert.AreEqual(IotdaRequestOutcome.Answered, get.Outcome);
            JsonNode got = get.Body["services"][0]["properties"];
            Assert.AreEqual(1, got["LED2"].GetValue<int>(), get.Body.ToJsonString());
            Assert.AreEqual(1, got["flame"].GetValue<int>(), get.Body.ToJsonString());
            Assert.AreEqual(0, rig.Cloud.GetProblems().Count, string.Join("\n", rig.Cloud.GetProblems()));
        }

        /// <summary>
        /// Every link at once (each with its own broker and port), since recovery waits are dominated by real timeouts
        /// and the modems' escalation ladder; running them side by side keeps the suite short.
        /// </summary>
        [TestMethod]
        public async Task Node_OnEveryLink_RecoversFromBrokerRestartAndReplaysOfflineReportsInOrder()
        {
            string[] links = { "tcp", "bc26", "ec20", "esp-at", "tcp-raw" };
            string[] failures = await Task.WhenAll(links.Select(RecoverAsync));
            string report = string.Join("\n\n", failures.Where(f => f != null));
            Assert.AreEqual("", report);
        }

        // Broker restart with offline replay, then (modem links) a modem reboot. Null when all went well, else why not.
        private static async Task<string> RecoverAsync(string link)
        {
            EndToEndRig rig;
            try
            {
                rig = await EndToEndRig.StartAsync(link, reportPeriodSeconds: 1);
            }
            catch (InvalidOperationException e)
            {
                return e.Message;
            }

            await using (rig)
            {
                var board = rig.Node.Board;
                if (await rig.NextReportAsync(_ => true, EndToEndRig.Soon) == null)
                {
                    return link + ": no report\n" + rig.LogText();
                }

                await rig.StopCloudAsync();
                if (!await WaitUntilAsync(() => !rig.Node.Controller.Links.IsOnline, EndToEndRig.LossNoticed))
                {
                    return link + ": the node did not notice the broker stopped\n" + rig.LogText();
                }

                // Reports made offline carry rising temperatures: the replay must keep their order. Each step waits for a
                // newly buffered report, since a modem's recovery ladder may hold the node loop for seconds.
                for (int t = 30; t <= 32; t++)
                {
                    board.TemperatureC = t;
                    int buffered = rig.Node.Controller.Buffer.Count;
                    if (!await WaitUntilAsync(() => rig.Node.Controller.Buffer.Count > buffered, EndToEndRig.LossNoticed))
                    {
                        return link + ": no reports were buffered while offline\n" + rig.LogText();
                    }
                }

                // The sensor is read once a second: wait until the last step is certainly in a buffered report.
                int settled = rig.Node.Controller.Buffer.Count;
                await WaitUntilAsync(() => rig.Node.Controller.Buffer.Count > settled + 1, EndToEndRig.LossNoticed);
                await rig.StartCloudAsync();
                if (await rig.Cloud.WaitForReportAsync(EndToEndRig.DeviceId, r => Temperature(r) == 32, EndToEndRig.Soon) == null)
                {
                    return link + ": offline reports were not replayed\n" + rig.LogText();
                }

                List<IotdaPropertyReport> replayed = rig.Cloud.GetReports(EndToEndRig.DeviceId).Where(r => Temperature(r) >= 30).ToList();
                double[] temperatures = replayed.Select(Temperature).ToArray();
                string[] times = replayed.Select(r => r.Body["services"][0]["event_time"].GetValue<string>()).ToArray();
                if (!temperatures.SequenceEqual(temperatures.OrderBy(t => t)) || temperatures.Distinct().Count() < 2
                    || !times.SequenceEqual(times.OrderBy(t => t, StringComparer.Ordinal)) || rig.Node.Reconnects < 1)
                {
                    return link + ": replay out of order or incomplete: " + string.Join(",", temperatures) + " at " + string.Join(",", times)
                        + ", reconnects " + rig.Node.Reconnects;
                }

                if (rig.Node.PrimaryLink.Modem != null)
                {
                    int reconnects = rig.Node.Reconnects;
                    rig.Node.PrimaryLink.Modem.Emulator.Reboot();
                    if (!await WaitUntilAsync(() => rig.Node.Reconnects > reconnects, EndToEndRig.LossNoticed))
                    {
                        return link + ": the node did not notice the modem reboot\n" + rig.LogText();
                    }

                    board.TemperatureC = 40;
                    if (await rig.NextReportAsync(p => p["DHT11_T"].GetValue<double>() == 40, EndToEndRig.LossNoticed) == null)
                    {
                        return link + ": no report after the modem rebooted\n" + rig.LogText();
                    }
                }

                return rig.Node.Crashed ? link + ": the node loop crashed\n" + rig.LogText() : null;
            }
        }

        private static double Temperature(IotdaPropertyReport report) =>
            report.PropertiesOf("stm32")?["DHT11_T"]?.GetValue<double>() ?? double.NaN;

        private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
        {
            DateTime end = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < end)
            {
                if (condition())
                {
                    return true;
                }

                await Task.Delay(20);
            }

            return condition();
        }
    }
}
