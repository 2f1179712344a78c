#nullable enable
using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Emulators;

namespace StmNode.IntegrationTests.Emulators
{
    [TestClass]
    public class FaultInjectionTests
    {
        private static (Ec20Emulator Emulator, RecordingStream Recorder, DeviceScript Device, DuplexPipe Pipe) RecordedEc20(int seed)
        {
            var pipe = new DuplexPipe();
            var recorder = new RecordingStream(pipe.ModemEnd);
            var device = new DeviceScript(pipe.DeviceEnd);
            var emulator = new Ec20Emulator(new EmulatorOptions { Seed = seed, ChunkPauseMs = 0 });
            emulator.Attach(recorder);
            device.WaitFor("\r\nRDY\r\n");
            device.Command("ATE0");
            return (emulator, recorder, device, pipe);
        }

        [TestMethod]
        public async Task Garbage_IsWritten_AndCommandsStillWork()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.BootedAsync();
            rig.Emulator.Faults.Garbage(64);
            string output = rig.Device.Command("AT");
            StringAssert.EndsWith(output, "\r\nOK\r\n");
            Assert.IsTrue(output.Length >= 64 + 6, "garbage missing: " + DeviceScript.Show(output));
        }

        [TestMethod]
        public void ByteByByteChunking_SplitsEveryLineAtEveryPosition()
        {
            var (emulator, recorder, device, pipe) = RecordedEc20(1);
            using (pipe)
            using (device)
            using (emulator)
            {
                emulator.Faults.Chunking = OutputChunking.ByteByByte;
                recorder.ClearWrites();
                Assert.AreEqual("\r\n+CSQ: 22,99\r\n\r\nOK\r\n", device.Command("AT+CSQ"));
                int[] sizes = recorder.WriteSizes();
                Assert.AreEqual("\r\n+CSQ: 22,99\r\n\r\nOK\r\n".Length, sizes.Length);
                Assert.IsTrue(sizes.All(size => size == 1));
            }
        }

        [TestMethod]
        public void RandomChunking_IsReproducibleFromTheSeed()
        {
            int[] Run(int seed)
            {
                var (emulator, recorder, device, pipe) = RecordedEc20(seed);
                using (pipe)
                using (device)
                using (emulator)
                {
                    emulator.Faults.Chunking = OutputChunking.RandomChunks;
                    recorder.ClearWrites();
                    Assert.AreEqual("\r\nQuectel\r\nEC20F\r\nRevision: EC20CEFAR06A01M4G\r\n\r\nOK\r\n", device.Command("ATI"));
                    return recorder.WriteSizes();
                }
            }

            int[] first = Run(42);
            int[] again = Run(42);
            int[] other = Run(43);
            CollectionAssert.AreEqual(first, again);
            CollectionAssert.AreNotEqual(first, other);
            Assert.IsTrue(first.All(size => size >= 1 && size <= 8));
            Assert.IsTrue(first.Any(size => size > 1));
        }

        [TestMethod]
        public async Task UrcStorm_ArrivesAndCommandsStillAnswered()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.BootedAsync();
            rig.Emulator.Faults.UrcStorm(50);
            string output = rig.Device.Command("AT+CPIN?");
            Assert.AreEqual(50, CountLines(output, l => l.StartsWith("+CEREG:") || l.StartsWith("+QIND:") || l.StartsWith("+CTZV:")));
            StringAssert.EndsWith(output, "\r\n+CPIN: READY\r\n\r\nOK\r\n");
        }

        [TestMethod]
        public async Task PromptDelay_DelaysTheGreaterThan()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.ConnectedAsync();
            rig.Emulator.Faults.PromptDelayMs = 300;
            var watch = Stopwatch.StartNew();
            rig.Device.Send("AT+QMTPUB=0,0,0,0,\"up/slow\",2\r");
            rig.Device.WaitFor("\r\n> ");
            Assert.IsTrue(watch.ElapsedMilliseconds >= 280, "prompt after " + watch.ElapsedMilliseconds + " ms");
            rig.Device.Send("ok");
            Assert.AreEqual("+QMTPUB: 0,0,0", rig.Device.WaitForLine("+QMTPUB:"));
        }

        [TestMethod]
        public async Task DropPrompt_CommandVanishes_ModemStaysResponsive()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.ConnectedAsync();
            rig.Emulator.Faults.DropPrompt = true;
            rig.Device.Send("AT+QMTPUB=0,0,0,0,\"up/lost\",2\r");
            rig.Device.AssertAbsent(">", 200);
            rig.Emulator.Faults.DropPrompt = false;
            Assert.AreEqual("\r\nOK\r\n", rig.Device.Command("AT"));
        }

        [TestMethod]
        public async Task FailCommand_AnswersChosenReply_ForTheGivenCount()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.ConnectedAsync();
            DeviceScript d = rig.Device;
            rig.Emulator.Faults.FailCommand("AT+QMTSUB", "+CME ERROR: 50");
            rig.Emulator.Faults.FailCommand("at+csq", "ERROR", 0);
            Assert.AreEqual("\r\n+CME ERROR: 50\r\n", d.Command("AT+QMTSUB=0,2,\"x/y\",0", "50\r\n"));
            d.Command("AT+QMTSUB=0,3,\"x/y\",0");
            Assert.AreEqual("+QMTSUB: 0,3,0,0", d.WaitForLine("+QMTSUB:"));
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+CSQ", "ERROR\r\n"));
            Assert.AreEqual("\r\nERROR\r\n", d.Command("AT+CSQ", "ERROR\r\n"));
            rig.Emulator.Faults.ClearCommandFailures();
            Assert.AreEqual("\r\n+CSQ: 22,99\r\n\r\nOK\r\n", d.Command("AT+CSQ"));
        }

        [TestMethod]
        public async Task DropMqtt_ReportsQmtstat_AndTheBrokerSeesTheClientGo()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.ConnectedAsync();
            rig.Emulator.Faults.DropMqtt(0, 2);
            Assert.AreEqual("+QMTSTAT: 0,2", rig.Device.WaitForLine("+QMTSTAT:"));
            Assert.AreEqual("ec20-node", rig.Broker.NextDisconnect());
            Assert.AreEqual("\r\nOK\r\n", rig.Device.Command("AT+QMTCONN?"));
        }

        [TestMethod]
        public async Task Hang_StopsAnswering_ForTheGivenTime()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.BootedAsync();
            rig.Emulator.Faults.Hang(300);
            rig.Device.Send("AT\r");
            rig.Device.AssertAbsent("OK", 150);
            await Task.Delay(200);
            Assert.AreEqual("\r\nOK\r\n", rig.Device.Command("AT"));
        }

        [TestMethod]
        public async Task HangForever_OnlyRebootRecovers()
        {
            await using EmulatorRig rig = await Ec20EmulatorTests.BootedAsync();
            rig.Emulator.Faults.Hang(-1);
            rig.Device.Send("AT\r");
            rig.Device.AssertAbsent("OK", 200);
            rig.Emulator.Faults.Reboot();
            rig.Device.WaitFor("\r\nRDY\r\n");
            rig.Device.WaitFor("\r\n+QIND: PB DONE\r\n");
            Assert.AreEqual("AT\r\r\nOK\r\n", rig.Device.Command("AT"));
        }

        [TestMethod]
        public async Task RebootDuringPublish_PrintsBannerAgain_LosesState_PublishesNothing()
        {
            await using EmulatorRig rig = await Bc26EmulatorTests.ConnectedAsync();
            DeviceScript d = rig.Device;
            rig.Emulator.Faults.RebootDuringNextPayload();
            d.Send("AT+QMTPUB=0,1,1,0,\"up/x\"\r");
            d.WaitFor("\r\n> ");
            d.Send("{\"half\":");
            d.WaitFor("Leaving the BROM\r\n");
            d.Send("1}\u001a");
            d.Send("AT\r");
            d.Command("AT");
            Assert.AreEqual("AT+QMTCONN?\r\r\nOK\r\n", d.Command("AT+QMTCONN?"));
            Assert.AreEqual("node-1", rig.Broker.NextDisconnect());
            Assert.IsNull(rig.Broker.NextPublish(200));
        }

        [TestMethod]
        public async Task FaultPlan_ParsesAndArms()
        {
            Assert.IsTrue(FaultPlan.TryParse("seed=7; chunks=bytes; prompt-delay=50; fail=AT+CSQ|+CME ERROR: 30|2; reboot-on-publish", out FaultPlan plan, out string error), error);
            Assert.AreEqual(7, plan.Seed);
            Assert.AreEqual(OutputChunking.ByteByByte, plan.Chunking);
            Assert.AreEqual(50, plan.PromptDelayMs);
            Assert.IsTrue(plan.RebootOnPublish);
            Assert.AreEqual(1, plan.Failures.Count);

            await using EmulatorRig rig = await Ec20EmulatorTests.BootedAsync();
            plan.ApplyTo(rig.Emulator.Faults);
            Assert.AreEqual("\r\n+CME ERROR: 30\r\n", rig.Device.Command("AT+CSQ", "30\r\n"));
            Assert.AreEqual("\r\n+CME ERROR: 30\r\n", rig.Device.Command("AT+CSQ", "30\r\n"));
            Assert.AreEqual("\r\n+CSQ: 22,99\r\n\r\nOK\r\n", rig.Device.Command("AT+CSQ"));
        }

        [TestMethod]
        [DataRow("chunks=sometimes")]
        [DataRow("seed=x")]
        [DataRow("fail=CSQ|ERROR")]
        [DataRow("fail=AT+CSQ")]
        [DataRow("explode")]
        [DataRow("no-prompt=1")]
        public void FaultPlan_BadEntry_IsRejectedWithItsText(string spec)
        {
            Assert.IsFalse(FaultPlan.TryParse(spec, out _, out string error));
            StringAssert.Contains(error, spec);
        }

        private static int CountLines(string text, Func<string, bool> match)
        {
            return text.Split("\r\n").Count(match);
        }
    }
}
