#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    [TestClass]
    public class MqttUtf8Tests
    {
        [TestMethod]
        public void Write_AllSequenceLengths_MatchHandEncodedBytes()
        {
            string text = "A\u00E9\u20AC\uD83D\uDE00";
            byte[] buffer = new byte[16];

            int count = MqttUtf8.Write(text, buffer, 1);

            Assert.AreEqual(10, MqttUtf8.ByteCount(text));
            Assert.AreEqual("41 C3 A9 E2 82 AC F0 9F 98 80", HexBytes.Format(buffer, 1, count));
        }

        [TestMethod]
        public void Write_ConsecutiveCharactersAboveFFFF_FourBytesEach()
        {
            // U+1F600 and U+1F601 share their high surrogate (D83D): only the low halves tell them apart.
            string text = "\U0001F600\U0001F601x\U0001F600";
            byte[] buffer = new byte[16];

            int count = MqttUtf8.Write(text, buffer, 0);

            Assert.AreEqual(13, MqttUtf8.ByteCount(text));
            Assert.AreEqual("F0 9F 98 80 F0 9F 98 81 78 F0 9F 98 80", HexBytes.Format(buffer, 0, count));
        }

        [TestMethod]
        public void Write_Empty_IsZeroBytes()
        {
            byte[] buffer = new byte[2];

            Assert.AreEqual(0, MqttUtf8.ByteCount(""));
            Assert.AreEqual(0, MqttUtf8.Write("", buffer, 2));
        }

        [TestMethod]
        [DataRow("ED A0 BD", 0)]
        [DataRow("ED A0 BD 61", 0)]
        [DataRow("ED B8 80", 0)]
        [DataRow("61 ED A0 BD ED B8 80", 1)]
        public void Check_LoneSurrogateCannotExistOnNano_EncodedSurrogatesAreInvalidUtf8(string hex, int index)
        {
            // "\uD83D", "\uD83Da", "\uDE00" as bytes (and U+1F600 as two encoded halves, CESU-8): a nanoFramework string
            // cannot hold a lone surrogate (it becomes U+FFFD), so ByteCount's -1 for one is checked host-only
            // (StmNode.Tests.Host/Mqtt/MqttNanoImpossibleStringTests); on both runtimes such bytes are refused.
            byte[] bytes = HexBytes.Parse(hex);
            int bad;

            Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttUtf8.Check(bytes, 0, bytes.Length, out bad));
            Assert.AreEqual(index, bad);
        }

        [TestMethod]
        [DataRow("41 C3 A9 E2 82 AC F0 9F 98 80")]
        [DataRow("7F DF BF EF BF BF F4 8F BF BF")]
        [DataRow("")]
        public void Check_WellFormed_IsNone(string hex)
        {
            byte[] bytes = HexBytes.Parse(hex);
            int bad;

            Assert.AreEqual((int)MqttError.None, (int)MqttUtf8.Check(bytes, 0, bytes.Length, out bad));
            Assert.AreEqual(-1, bad);
        }

        [TestMethod]
        [DataRow("80", 0)]
        [DataRow("61 BF", 1)]
        [DataRow("C1 BF", 0)]
        [DataRow("E0 9F BF", 0)]
        [DataRow("F0 8F BF BF", 0)]
        [DataRow("ED B0 80", 0)]
        [DataRow("F4 90 80 80", 0)]
        [DataRow("F5 80 80 80", 0)]
        [DataRow("FF", 0)]
        [DataRow("61 62 E2 82", 2)]
        [DataRow("C3 41", 0)]
        public void Check_Malformed_IsInvalidUtf8AtSequenceStart(string hex, int index)
        {
            byte[] bytes = HexBytes.Parse(hex);
            int bad;

            Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttUtf8.Check(bytes, 0, bytes.Length, out bad));
            Assert.AreEqual(index, bad);
        }

        [TestMethod]
        public void Check_NulByte_IsNullCharacter()
        {
            byte[] bytes = HexBytes.Parse("61 00");
            int bad;

            Assert.AreEqual((int)MqttError.NullCharacter, (int)MqttUtf8.Check(bytes, 0, 2, out bad));
            Assert.AreEqual(1, bad);
        }
    }
}
