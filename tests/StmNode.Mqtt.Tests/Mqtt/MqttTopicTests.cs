#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Mqtt;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Mqtt
{
    /// <summary>MQTT 3.1.1 §4.7 topic rules.</summary>
    [TestClass]
    public class MqttTopicTests
    {
        [TestMethod]
        [DataRow("a")]
        [DataRow("/")]
        [DataRow("a/b/c")]
        [DataRow("a b/ c ")]
        [DataRow("$oc/devices/dev_1/sys/properties/report")]
        [DataRow("$SYS/x")]
        [DataRow("//")]
        public void CheckName_ValidNames_AreAccepted(string topic)
        {
            Assert.AreEqual((int)MqttError.None, (int)MqttTopic.CheckName(topic));
        }

        [TestMethod]
        [DataRow("", (int)MqttError.EmptyTopic)]
        [DataRow("a/+", (int)MqttError.WildcardInTopicName)]
        [DataRow("a/#", (int)MqttError.WildcardInTopicName)]
        [DataRow("a+b", (int)MqttError.WildcardInTopicName)]
        public void CheckName_InvalidNames_GiveTypedErrors(string topic, int expected)
        {
            Assert.AreEqual(expected, (int)MqttTopic.CheckName(topic));
        }

        [TestMethod]
        public void CheckName_NulOrLoneSurrogateCannotExistOnNano_NullTopicAndSuchBytesAreRefused()
        {
            // "a\0b" and "a\uDBFFb" cannot be nanoFramework strings (U+0000 ends one, a lone surrogate becomes U+FFFD):
            // the string checks are host-only (StmNode.Tests.Host/Mqtt/MqttNanoImpossibleStringTests); here their bytes.
            byte[] nul = HexBytes.Parse("61 00 62");
            byte[] surrogate = HexBytes.Parse("61 ED AF BF 62");
            int bad;

            Assert.AreEqual((int)MqttError.EmptyTopic, (int)MqttTopic.CheckName((string)null));
            Assert.AreEqual((int)MqttError.NullCharacter, (int)MqttTopic.CheckName(nul, 0, nul.Length, out bad));
            Assert.AreEqual(1, bad);
            Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttTopic.CheckName(surrogate, 0, surrogate.Length, out bad));
            Assert.AreEqual(1, bad);
        }

        [TestMethod]
        [DataRow("a/\U0001F600", 6)]
        [DataRow("\U0001F600\U0001F601", 8)]
        [DataRow("\u00E9\u20AC\U0001F600", 9)]
        public void CheckName_CharactersAboveFFFF_AreAcceptedAndCountFourBytes(string topic, int bytes)
        {
            Assert.AreEqual((int)MqttError.None, (int)MqttTopic.CheckName(topic));
            Assert.AreEqual(bytes, MqttUtf8.ByteCount(topic));
        }

        [TestMethod]
        public void CheckName_65535BytesIsTheLimit()
        {
            // Three-byte characters keep the strings small for the nanoFramework test runner: 21845 × 3 = 65535 bytes.
            Assert.AreEqual((int)MqttError.None, (int)MqttTopic.CheckName(new string('\u20AC', 21845)));
            Assert.AreEqual((int)MqttError.StringTooLong, (int)MqttTopic.CheckName(new string('\u20AC', 21845) + "a"));
            // 32768 two-byte characters are 65536 bytes.
            Assert.AreEqual((int)MqttError.StringTooLong, (int)MqttTopic.CheckName(new string('\u00E9', 32768)));
        }

        [TestMethod]
        [DataRow("#")]
        [DataRow("+")]
        [DataRow("a/#")]
        [DataRow("+/+")]
        [DataRow("/+")]
        [DataRow("+/")]
        [DataRow("a/+/b/#")]
        [DataRow("$oc/devices/dev_1/sys/commands/#")]
        public void CheckFilter_ValidFilters_AreAccepted(string filter)
        {
            Assert.AreEqual((int)MqttError.None, (int)MqttTopic.CheckFilter(filter));
        }

        [TestMethod]
        [DataRow("a#")]
        [DataRow("a/#/b")]
        [DataRow("#/")]
        [DataRow("a/b#")]
        [DataRow("a+")]
        [DataRow("a/+b")]
        [DataRow("+a/b")]
        [DataRow("##")]
        [DataRow("++")]
        public void CheckFilter_MisplacedWildcards_AreInvalidWildcard(string filter)
        {
            Assert.AreEqual((int)MqttError.InvalidWildcard, (int)MqttTopic.CheckFilter(filter));
        }

        [TestMethod]
        public void CheckFilter_NulCannotExistOnNano_EmptyFilterAndNulByteInFilterFieldAreRefused()
        {
            // "a/\0" cannot be a nanoFramework string (U+0000 ends it, leaving "a/"): the string check is host-only
            // (StmNode.Tests.Host/Mqtt/MqttNanoImpossibleStringTests). The MQTT rule [MQTT-1.5.3-2] holds on the bytes.
            byte[] buffer = new byte[32];
            MqttError error;
            int bad;
            int length = MqttEncoder.Subscribe(buffer, 0, 1, new string[] { "a/b" }, new int[] { 0 }, out error);
            Assert.AreEqual("00 03 61 2F 62 00", HexBytes.Format(buffer, length - 6, 6));
            buffer[length - 2] = 0x00;

            Assert.AreEqual((int)MqttError.EmptyTopic, (int)MqttTopic.CheckFilter(""));
            Assert.AreEqual((int)MqttError.NullCharacter, (int)MqttUtf8.Check(buffer, length - 4, 3, out bad));
            Assert.AreEqual(length - 2, bad);
        }

        [TestMethod]
        public void CheckName_Bytes_ReportsIndexOfOffendingByte()
        {
            byte[] bytes = HexBytes.Parse("FF 61 2F 2B");
            int bad;

            Assert.AreEqual((int)MqttError.WildcardInTopicName, (int)MqttTopic.CheckName(bytes, 1, 3, out bad));
            Assert.AreEqual(3, bad);
            Assert.AreEqual((int)MqttError.None, (int)MqttTopic.CheckName(bytes, 1, 2, out bad));
            Assert.AreEqual(-1, bad);
            Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttTopic.CheckName(bytes, 0, 2, out bad));
            Assert.AreEqual(0, bad);
        }

        [TestMethod]
        [DataRow("sport/tennis/player1/#", "sport/tennis/player1", true)]
        [DataRow("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
        [DataRow("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
        [DataRow("sport/#", "sport", true)]
        [DataRow("#", "a/b", true)]
        [DataRow("sport/tennis/+", "sport/tennis/player1", true)]
        [DataRow("sport/tennis/+", "sport/tennis/player1/ranking", false)]
        [DataRow("sport/+", "sport", false)]
        [DataRow("sport/+", "sport/", true)]
        [DataRow("+/+", "/finance", true)]
        [DataRow("/+", "/finance", true)]
        [DataRow("+", "/finance", false)]
        [DataRow("a/b", "a/b", true)]
        [DataRow("a/b", "a/B", false)]
        [DataRow("a/b", "a/b/c", false)]
        [DataRow("a/b/c", "a/b", false)]
        [DataRow("#", "$SYS/x", false)]
        [DataRow("+/monitor/Clients", "$SYS/monitor/Clients", false)]
        [DataRow("$SYS/#", "$SYS/monitor/Clients", true)]
        [DataRow("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
        [DataRow("$oc/devices/d1/sys/commands/#", "$oc/devices/d1/sys/commands/request_id=42", true)]
        public void Matches_SpecExamples(string filter, string topic, bool expected)
        {
            Assert.AreEqual(expected, MqttTopic.Matches(filter, topic));
        }

        [TestMethod]
        [DataRow("a/\U0001F600", "a/\U0001F600", true)]
        [DataRow("a/\U0001F600", "a/\U0001F601", false)]
        [DataRow("a/x\U0001F600", "a/x\U0001F601", false)]
        [DataRow("a/+", "a/\U0001F601", true)]
        public void Matches_CharactersAboveFFFF_ComparedWhole(string filter, string topic, bool expected)
        {
            // U+1F600 and U+1F601 differ only in their low surrogate.
            Assert.AreEqual(expected, MqttTopic.Matches(filter, topic));
        }
    }
}
