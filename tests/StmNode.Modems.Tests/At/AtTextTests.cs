#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.At;

namespace StmNode.Tests.At
{
    [TestClass]
    public class AtTextTests
    {
        [TestMethod]
        [DataRow("$oc/devices/d1/sys/properties/report", true)]
        [DataRow("a\"b", false)]
        [DataRow("a\rAT+QPOWD", false)]
        [DataRow("a\nb", false)]
        [DataRow("a\u001Ab", false)]
        [DataRow("a\u001Bb", false)]
        [DataRow("", true)]
        public void IsQuectelSafe_Characters_Checked(string value, bool safe)
        {
            Assert.AreEqual(safe, AtText.IsQuectelSafe(value, 255));
        }

        [TestMethod]
        public void IsQuectelSafe_TooLongOrNull_False()
        {
            Assert.IsFalse(AtText.IsQuectelSafe(new string('a', 256), 255));
            Assert.IsTrue(AtText.IsQuectelSafe(new string('a', 255), 255));
            Assert.IsFalse(AtText.IsQuectelSafe(null, 255));
        }

        [TestMethod]
        public void EscapeEspAt_SpecExample_Escaped()
        {
            Assert.AreEqual("{\\\"a\\\":1\\,\\\"b\\\":2}", AtText.EscapeEspAt("{\"a\":1,\"b\":2}"));
            Assert.AreEqual("c:\\\\x", AtText.EscapeEspAt("c:\\x"));
        }

        [TestMethod]
        [DataRow("pass\r\nAT+RST")]
        [DataRow("a\nb")]
        [DataRow("a\u001Ab")]
        public void EscapeEspAt_LineBreaks_Refused(string value)
        {
            Assert.IsNull(AtText.EscapeEspAt(value));
        }

        [TestMethod]
        public void NulCharacter_RefusedByBothDialects()
        {
            // Built at run time: a NUL inside a DataRow string is not something every test runner's metadata keeps.
            string value = "a" + (char)0 + "b";

            Assert.IsNull(AtText.EscapeEspAt(value));
            Assert.IsFalse(AtText.IsQuectelSafe(value, 255));
        }

        [TestMethod]
        [DataRow("AT+QMTCONN=0,\"c\",\"u\",\"p\"", "AT+QMTCONN=0,\"c\",\"u\",\"***\"")]
        [DataRow("AT+MQTTUSERCFG=0,1,\"c\",\"u\",\"p\\\"w\",0,0,\"\"", "AT+MQTTUSERCFG=0,1,\"c\",\"u\",\"***\",0,0,\"\"")]
        [DataRow("AT+CWJAP=\"my\\,net\",\"wifipw\"", "AT+CWJAP=\"my\\,net\",\"***\"")]
        [DataRow("AT+QICSGP=1,1,\"cmnet\",\"u\",\"p\",1", "AT+QICSGP=1,1,\"cmnet\",\"u\",\"***\",1")]
        [DataRow("AT+QCGDEFCONT=\"IP\",\"apn\",\"u\",\"p\"", "AT+QCGDEFCONT=\"IP\",\"apn\",\"u\",\"***\"")]
        [DataRow("AT+QMTCONN=0,\"c\"", "AT+QMTCONN=0,\"c\"")]
        [DataRow("at+qmtconn=0,\"c\",\"u\",\"p\"", "at+qmtconn=0,\"c\",\"u\",\"***\"")]
        [DataRow("At+CwJaP=\"net\",\"wifipw\"", "At+CwJaP=\"net\",\"***\"")]
        [DataRow("AT+QMTCON", "AT+QMTCON")]
        [DataRow("AT+CSQ", "AT+CSQ")]
        public void SecretMask_KnownCommands_PasswordHidden(string line, string masked)
        {
            Assert.AreEqual(masked, AtSecretMask.Apply(line));
        }

        [TestMethod]
        public void Trace_LongLine_CutWithItsLength()
        {
            AtTrace trace = new AtTrace(2);

            trace.Received("+QMTRECV: 0,1,\"t\",\"" + new string('A', 300) + "\"");

            Assert.AreEqual(AtTrace.MaxEntryChars + 14, trace[0].Length);
            Assert.IsTrue(trace[0].EndsWith("...(322 chars)"));
        }

        [TestMethod]
        public void Trace_DataBlocksAndLines_ReadBackInOrderWithMarks()
        {
            AtTrace trace = new AtTrace(4);

            trace.Sent("AT+QMTPUB=0,1,1,0,\"up\",2");
            trace.SentData(2, false);
            trace.SentData(17, true);
            trace.Received("OK");
            trace.Note("timeout");

            Assert.AreEqual(4, trace.Count);
            Assert.AreEqual("> [2 data bytes]", trace[0]);
            Assert.AreEqual("> [17 data bytes + ^Z]", trace[1]);
            Assert.AreEqual("< OK", trace[2]);
            Assert.AreEqual("# timeout", trace[3]);
            Assert.AreEqual("> [2 data bytes]\n> [17 data bytes + ^Z]\n< OK\n# timeout\n", trace.Dump());
        }

        [TestMethod]
        public void Trace_MoreThanCapacity_KeepsNewestInOrder()
        {
            AtTrace trace = new AtTrace(3);

            trace.Sent("AT");
            trace.Received("OK");
            trace.Sent("AT+CSQ");
            trace.Received("+CSQ: 1,2");

            Assert.AreEqual(3, trace.Count);
            Assert.AreEqual("< OK", trace[0]);
            Assert.AreEqual("< +CSQ: 1,2", trace[2]);
        }
    }
}
