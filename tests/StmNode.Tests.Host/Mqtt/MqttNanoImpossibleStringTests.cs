using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Mqtt;

namespace StmNode.Tests.Mqtt
{
    /// <summary>
    /// Host-only: strings a nanoFramework string cannot hold. It is UTF-8 and ends at U+0000 ("a\0b" is "a" there), and
    /// a lone surrogate becomes U+FFFD when the string is made. A .NET host can produce both (the PC node reads its
    /// configuration with .NET), so the string checks stay here; the shared tests check the same rules on the bytes
    /// (MqttEncoderTests, MqttTopicTests, MqttUtf8Tests: the tests named "...CannotExistOnNano...").
    /// </summary>
    [TestClass]
    public class MqttNanoImpossibleStringTests
    {
        [TestMethod]
        public void Connect_NulCharacterInClientId_IsRefused()
        {
            MqttConnectPacket packet = new MqttConnectPacket();
            packet.ClientId = "a\0b";
            byte[] buffer = new byte[64];

            int length = MqttEncoder.Connect(buffer, 0, packet, out MqttError error);

            Assert.AreEqual(0, length);
            Assert.AreEqual(MqttError.NullCharacter, error);
        }

        [TestMethod]
        public void Publish_NulCharacterOrLoneSurrogateInTopic_IsRefused()
        {
            // Not DataRows: attribute blobs are UTF-8, which cannot carry a lone surrogate (it would arrive as U+FFFD).
            byte[] buffer = new byte[32];
            MqttError error;

            Assert.AreEqual(0, MqttEncoder.Publish(buffer, 0, "a\0", null, 0, 0, 0, false, false, 0, out error));
            Assert.AreEqual(MqttError.NullCharacter, error);
            Assert.AreEqual(0, MqttEncoder.Publish(buffer, 0, "a\uD800", null, 0, 0, 0, false, false, 0, out error));
            Assert.AreEqual(MqttError.InvalidUtf8, error);
            Assert.AreEqual(0, MqttEncoder.Publish(buffer, 0, "\uDC00b", null, 0, 0, 0, false, false, 0, out error));
            Assert.AreEqual(MqttError.InvalidUtf8, error);
        }

        [TestMethod]
        public void CheckName_NulCharacterOrLoneSurrogate_AreRefused()
        {
            Assert.AreEqual(MqttError.NullCharacter, MqttTopic.CheckName("a\0b"));
            Assert.AreEqual(MqttError.InvalidUtf8, MqttTopic.CheckName("a\uDBFFb"));
            Assert.AreEqual(MqttError.InvalidUtf8, MqttTopic.CheckName("a\uDE00"));
        }

        [TestMethod]
        public void CheckFilter_NulCharacterOrLoneSurrogate_AreRefused()
        {
            Assert.AreEqual(MqttError.NullCharacter, MqttTopic.CheckFilter("a/\0"));
            Assert.AreEqual(MqttError.InvalidUtf8, MqttTopic.CheckFilter("a/\uD83D/#"));
        }

        [TestMethod]
        public void ByteCount_LoneSurrogates_AreMinusOne()
        {
            Assert.AreEqual(-1, MqttUtf8.ByteCount("\uD83D"));
            Assert.AreEqual(-1, MqttUtf8.ByteCount("\uD83Da"));
            Assert.AreEqual(-1, MqttUtf8.ByteCount("\uDE00"));
            Assert.AreEqual(-1, MqttUtf8.ByteCount("\uDE00\uD83D"));
            Assert.AreEqual(-1, MqttUtf8.ByteCount("\uD83D\uD83D\uDE00"));
        }

        [TestMethod]
        public void Matches_LevelsWithLoneSurrogates_ComparedUnitByUnit()
        {
            // A pair against a lone high surrogate followed by another unit: not the same level.
            Assert.IsFalse(MqttTopic.Matches("a/\uD83D\uDE00", "a/\uD83Dx"));
            Assert.IsTrue(MqttTopic.Matches("a/\uD83Dx", "a/\uD83Dx"));
        }
    }
}
