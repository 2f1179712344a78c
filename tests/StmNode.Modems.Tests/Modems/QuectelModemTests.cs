#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.At;
using StmNode.Modems;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    [TestClass]
    public class QuectelModemTests
    {
        private const string Ok = QuectelScripts.Ok;

        [TestMethod]
        public void PowerOn_SilentEc20_PressesPwrKey600msThenWaitsForRdy()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            RecordingOutput key = new RecordingOutput(clock);
            line.Expect("AT", null).Expect("AT", null).Expect("AT", null).Expect("AT", null);
            line.Expect("AT", null, 0).Then(400, "\r\nRDY\r\n");
            line.Expect("AT", Ok);
            QuectelModem modem = new QuectelModem(QuectelModel.Ec20, new AtChannel(line, clock, new RecordingLog()), new RecordingLog(), key, null);
            int reboots = 0;
            modem.Rebooted += delegate { reboots++; };

            bool on = modem.PowerOn();

            Assert.IsTrue(on);
            Assert.AreEqual(2, key.Count);
            Assert.AreEqual("high@2900", key[0]);
            Assert.AreEqual("low@3500", key[1]);
            Assert.AreEqual(1, reboots);
            Assert.IsTrue(modem.NeedsInit);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void PowerOn_NeverAnswers_TimeoutErrorWithinStartupBound()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            for (int i = 0; i < 200; i++)
            {
                line.Expect("AT", null);
            }

            QuectelModem modem = new QuectelModem(QuectelModel.Bc26, new AtChannel(line, clock, new RecordingLog()), new RecordingLog(), new RecordingOutput(clock), null);

            bool on = modem.PowerOn();

            Assert.IsFalse(on);
            Assert.AreEqual((int)ModemErrorKind.Timeout, (int)modem.LastError.Kind);
            Assert.IsTrue(clock.UptimeMs < 20000L);
        }

        [TestMethod]
        public void PulseReset_Bc26_HoldsResetAtLeast50ms()
        {
            ManualClock clock = new ManualClock();
            RecordingOutput reset = new RecordingOutput(clock);
            QuectelModem modem = new QuectelModem(QuectelModel.Bc26, new AtChannel(new ScriptedModemLine(clock), clock, new RecordingLog()), new RecordingLog(), null, reset);

            modem.PulseReset();

            Assert.AreEqual("high@0", reset[0]);
            Assert.AreEqual("low@100", reset[1]);
            Assert.IsTrue(modem.NeedsInit);
        }

        [TestMethod]
        [DataRow("+CEREG: 0,1", 1)]
        [DataRow("+CEREG: 2,5,\"1A2B\",\"0C3D4E5F\",9", 5)]
        [DataRow("+CEREG: 1,2", 2)]
        [DataRow("+CEREG: 0,3", 3)]
        [DataRow("+CEREG: garbage", 4)]
        public void ReadRegistration_ReadForm_StatIsSecondField(string answer, int expected)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CEREG?", "\r\n" + answer + "\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);

            Assert.AreEqual(expected, (int)modem.ReadRegistration());
        }

        [TestMethod]
        public void ReadRegistration_Ec20PsOnly_RegisteredThroughCgreg()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CEREG?", "\r\n+CEREG: 0,2\r\n" + Ok).Expect("AT+CGREG?", "\r\n+CGREG: 0,1\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            Assert.AreEqual((int)RegistrationState.Home, (int)modem.ReadRegistration());
        }

        [TestMethod]
        [DataRow("+CEREG: 5", 5)]
        [DataRow("+CEREG: 1,\"1A2B\",\"0C3D4E5F\",9", 1)]
        [DataRow("+CGREG: 3", 3)]
        public void RegistrationUrc_StatIsFirstField(string urc, int expected)
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Send("\r\n" + urc + "\r\n");
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            modem.Channel.Poll(10);

            Assert.AreEqual(expected, (int)modem.Registration);
        }

        [TestMethod]
        public void WaitRegistered_SearchingThenHome_PollsUntilRegistered()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CEREG?", "\r\n+CEREG: 1,2\r\n" + Ok).Expect("AT+CEREG?", "\r\n+CEREG: 1,1\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);

            Assert.IsTrue(modem.WaitRegistered(60000));
            Assert.AreEqual(2000L, clock.UptimeMs);
        }

        [TestMethod]
        public void WaitRegistered_Denied_StopsWithNotReady()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CEREG?", "\r\n+CEREG: 0,3\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);

            Assert.IsFalse(modem.WaitRegistered(60000));
            Assert.AreEqual((int)ModemErrorKind.NotReady, (int)modem.LastError.Kind);
            Assert.AreEqual(3, modem.LastError.Code);
        }

        [TestMethod]
        public void ReadSignal_Csq_RssiAndBer()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CSQ", "\r\n+CSQ: 23,99\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);
            int rssi;
            int ber;

            Assert.IsTrue(modem.ReadSignal(out rssi, out ber));
            Assert.AreEqual(23, rssi);
            Assert.AreEqual(99, ber);
        }

        [TestMethod]
        public void ReadExtendedSignal_Bc26Cesq_RsrqRsrp()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CESQ", "\r\n+CESQ: 99,99,255,255,20,45\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);
            int rsrq;
            int rsrp;

            Assert.IsTrue(modem.ReadExtendedSignal(out rsrq, out rsrp));
            Assert.AreEqual(20, rsrq);
            Assert.AreEqual(45, rsrp);
        }

        [TestMethod]
        public void ReadNetworkTime_Cclk_ConvertedToUtc()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CCLK?", "\r\n+CCLK: \"26/11/25,10:20:30+32\"\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);
            DateTime utc;

            Assert.IsTrue(modem.ReadNetworkTime(out utc));
            Assert.AreEqual(new DateTime(2026, 11, 25, 2, 20, 30), utc);
        }

        [TestMethod]
        [DataRow("80/01/06,00:00:00+00")]
        [DataRow("26/13/25,10:20:30+32")]
        [DataRow("26/02/30,10:20:30+00")]
        [DataRow("26/11/25,24:00:00+00")]
        [DataRow("26/11/25 10:20:30")]
        [DataRow("")]
        [DataRow("xx/yy/zz,aa:bb:cc+dd")]
        public void NetworkTime_InvalidOrDefault_False(string text)
        {
            DateTime utc;

            Assert.IsFalse(NetworkTime.TryParse(text, out utc));
        }

        [TestMethod]
        [DataRow("26/01/01,00:30:00+32", 2025, 12, 31, 16, 30)]
        [DataRow("26/01/01,00:30:00-08", 2026, 1, 1, 2, 30)]
        [DataRow("2026/06/15,12:00:00+00", 2026, 6, 15, 12, 0)]
        [DataRow("26/06/15,12:00:00", 2026, 6, 15, 12, 0)]
        public void NetworkTime_Valid_Utc(string text, int year, int month, int day, int hour, int minute)
        {
            DateTime utc;

            Assert.IsTrue(NetworkTime.TryParse(text, out utc));
            Assert.AreEqual(new DateTime(year, month, day, hour, minute, 0), utc);
        }

        [TestMethod]
        public void Identity_ImeiIccidRevision_Parsed()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CGSN", "\r\n866425031234567\r\n" + Ok);
            line.Expect("AT+QCCID", "\r\n+QCCID: 89860317452037562290\r\n" + Ok);
            line.Expect("AT+CGMR", "\r\nRevision: EC20CEFAGR06A09M4G\r\n" + Ok);
            line.Expect("AT+CGSN", Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            Assert.AreEqual("866425031234567", modem.ReadImei());
            Assert.AreEqual("89860317452037562290", modem.ReadIccid());
            Assert.AreEqual("EC20CEFAGR06A09M4G", modem.ReadRevision());
            Assert.IsNull(modem.ReadImei());
        }

        [TestMethod]
        public void CycleRadio_CfunZeroThenOne()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+CFUN=0", Ok, 3000).Expect("AT+CFUN=1", Ok, 5000);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            Assert.IsTrue(modem.CycleRadio());
            Assert.AreEqual(8000L, clock.UptimeMs);
        }

        [TestMethod]
        public void SetApn_Ec20_QicsgpWithPapAndMaskedInTrace()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QICSGP=1,1,\"cmnet\",\"u\",\"secret\",1", Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            Assert.IsTrue(modem.SetApn("cmnet", "u", "secret"));
            Assert.IsTrue(modem.Channel.Trace.Dump().IndexOf("secret") < 0);
        }

        [TestMethod]
        public void SetApn_Bc26UnsafeApn_InvalidArgumentNothingSent()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);

            Assert.IsFalse(modem.SetApn("cm\"net\r\nAT+QPOWD=1", null, null));
            Assert.AreEqual((int)ModemErrorKind.InvalidArgument, (int)modem.LastError.Kind);
            Assert.AreEqual(string.Empty, line.Written);
        }

        [TestMethod]
        public void SetApn_Bc26_Qcgdefcont()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QCGDEFCONT=\"IP\",\"ctnb\"", Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);

            Assert.IsTrue(modem.SetApn("ctnb", null, null));
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void ActivatePdp_Ec20Inactive_Qiact()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QIACT?", Ok).Expect("AT+QIACT=1", Ok, 20000);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            Assert.IsTrue(modem.ActivatePdp());
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void UploadFile_Ec20_ConnectRawBytesThenOk()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            byte[] pem = System.Text.Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\r\nAA==\r\n");
            line.Expect("AT+QFDEL=\"UFS:ca.pem\"", "\r\n+CME ERROR: 405\r\n");
            line.Expect("AT+QFUPL=\"UFS:ca.pem\"," + pem.Length.ToString() + ",60", "\r\nCONNECT\r\n");
            line.ExpectData(pem, "\r\n+QFUPL: " + pem.Length.ToString() + ",3fa1\r\n" + Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            Assert.IsTrue(modem.UploadFile("UFS:ca.pem", pem));
            Assert.IsNull(line.Failure);
            Assert.AreEqual(0, line.Unmet);
        }

        [TestMethod]
        public void UploadFileAndConfigureTls_Bc26_InvalidArgumentWithoutSending()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);

            Assert.IsFalse(modem.UploadFile("UFS:ca.pem", new byte[] { 0x41 }));
            Assert.AreEqual((int)ModemErrorKind.InvalidArgument, (int)modem.LastError.Kind);
            Assert.IsFalse(modem.ConfigureTls(0, "UFS:ca.pem"));
            Assert.AreEqual((int)ModemErrorKind.InvalidArgument, (int)modem.LastError.Kind);
            Assert.AreEqual(string.Empty, line.Written);
        }

        [TestMethod]
        public void Initialize_Ec20_RoutesUrcsToUart1()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("ATE0", "ATE0\r\r\n" + Ok).Expect("AT+CMEE=1", Ok).Expect("AT+CEREG=1", Ok);
            line.Expect("AT+QURCCFG=\"urcport\",\"uart1\"", Ok).Expect("AT+CGREG=1", Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, true);

            Assert.IsTrue(modem.Initialize());
            Assert.IsFalse(modem.NeedsInit);
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void PowerOff_Ec20Confirms_NoKeyPressAndReinitNeeded()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            RecordingOutput key = new RecordingOutput(clock);
            line.Expect("AT+QPOWD=1", Ok).Then(1500, "\r\nPOWERED DOWN\r\n");
            QuectelModem modem = new QuectelModem(QuectelModel.Ec20, new AtChannel(line, clock, new RecordingLog()), new RecordingLog(), key, null);

            Assert.IsTrue(modem.PowerOff());
            Assert.AreEqual(0, key.Count);
            Assert.IsTrue(modem.NeedsInit);
            Assert.AreEqual(1500L, clock.UptimeMs);
        }

        [TestMethod]
        public void PowerOff_Ec20Silent_HoldsPwrKeyForTheOffTime()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            RecordingOutput key = new RecordingOutput(clock);
            line.Expect("AT+QPOWD=1", null).Expect("AT", null).Expect("AT", null).Expect("AT", null);
            QuectelModem modem = new QuectelModem(QuectelModel.Ec20, new AtChannel(line, clock, new RecordingLog()), new RecordingLog(), key, null);

            Assert.IsTrue(modem.PowerOff());
            Assert.AreEqual(2, key.Count);
            Assert.AreEqual("high@67400", key[0]);
            Assert.AreEqual("low@68200", key[1]);
        }

        [TestMethod]
        public void PowerOff_Bc26_Qpowd0()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            line.Expect("AT+QPOWD=0", Ok);
            QuectelModem modem = QuectelScripts.Modem(line, clock, false);

            Assert.IsTrue(modem.PowerOff());
            Assert.IsNull(line.Failure);
        }

        [TestMethod]
        public void Restart_ResetPulseThenRdy_NoPwrKey()
        {
            ManualClock clock = new ManualClock();
            ScriptedModemLine line = new ScriptedModemLine(clock);
            RecordingOutput key = new RecordingOutput(clock);
            RecordingOutput reset = new RecordingOutput(clock);
            line.SendAt(3000, "\r\nRDY\r\n");
            for (int i = 0; i < 4; i++)
            {
                line.Expect("AT", null);
            }

            line.Expect("AT", Ok);
            QuectelModem modem = new QuectelModem(QuectelModel.Ec20, new AtChannel(line, clock, new RecordingLog()), new RecordingLog(), key, reset);

            Assert.IsTrue(modem.Restart());
            Assert.AreEqual(0, key.Count);
            Assert.AreEqual("low@460", reset[1]);
            Assert.IsNull(line.Failure);
        }
    }
}
