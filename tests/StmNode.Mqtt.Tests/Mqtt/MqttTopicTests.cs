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
        public void CheckName_NullNulCharacterOrLoneSurrogate_AreRefused()
        {
            Assert.AreEqual((int)MqttError.EmptyTopic, (int)MqttTopic.CheckName((string)null));
            Assert.AreEqual((int)MqttError.NullCharacter, (int)MqttTopic.CheckName("a\0b"));
            Assert.AreEqual((int)MqttError.InvalidUtf8, (int)MqttTopic.CheckName("a\uDBFFb"));
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
        public void CheckFilter_EmptyOrNulCharacter_AreRefused()
        {
            Assert.AreEqual((int)MqttError.EmptyTopic, (int)MqttTopic.CheckFilter(""));
            Assert.AreEqual((int)MqttError.NullCharacter, (int)MqttTopic.CheckFilter("a/\0"));
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
    }
}
