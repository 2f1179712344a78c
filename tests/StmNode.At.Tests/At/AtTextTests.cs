#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.At;
using StmNode.Tests.Fakes;

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
        public void EscapeEspAt_CharactersAboveFFFF_KeptWhole()
        {
            // U+1F600 and U+1F601 share their high surrogate: a char-by-char copy on nanoFramework gave two U+FFFD each.
            Assert.AreEqual("a\\,\U0001F600\\\"\U0001F601", AtText.EscapeEspAt("a,\U0001F600\"\U0001F601"));
            Assert.AreEqual("\U0001F600", AtText.EscapeEspAt("\U0001F600"));
        }

        [TestMethod]
        public void IsQuectelSafe_CharacterAboveFFFF_CountsFourBytes()
        {
            Assert.IsTrue(AtText.IsQuectelSafe("\U0001F600", 4));
            Assert.IsFalse(AtText.IsQuectelSafe("\U0001F600", 3));
        }

        [TestMethod]
        public void NulCharacterCannotExistOnNano_NulBytesAroundReceivedLineAreLineNoise()
        {
            // A nanoFramework string ends at U+0000, so "a\0b" cannot reach AtText there; the refusal of such a string by
            // both dialects is host-only (StmNode.Tests.Host/Modems/AtTextNanoImpossibleStringTests). NUL bytes from the
            // modem are dropped with the other control bytes around a line.
            AtLineFramer framer = new AtLineFramer(64, 16);
            byte[] bytes = HexBytes.Parse("00 00 2B 51 4D 54 53 54 41 54 3A 20 30 2C 31 00 0D 0A");
            int last = AtLineFramer.None;
            for (int i = 0; i < bytes.Length; i++)
            {
                int result = framer.Push(bytes[i]);
                if (result != AtLineFramer.None)
                {
                    last = result;
                }
            }

            Assert.AreEqual(AtLineFramer.LineReady, last);
            Assert.AreEqual("+QMTSTAT: 0,1", framer.Line);
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
