using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Host.Iotda;

namespace StmNode.IntegrationTests.Iotda
{
    [TestClass]
    public class IotdaCredentialsTests
    {
        // protocols.md §1.8, computed independently there.
        private const string WorkedExamplePassword = "1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63";

        [TestMethod]
        public void Password_WorkedExample_MatchesDocumentedValue()
        {
            Assert.AreEqual(WorkedExamplePassword, IotdaPassword.Compute("2024061003", "Sens0rS3cret!"));
            Assert.AreEqual(WorkedExamplePassword, IotdaTestDevice.Password("2024061003", "Sens0rS3cret!"));
        }

        [TestMethod]
        public void PasswordMatches_WrongCaseOrValue_False()
        {
            Assert.IsTrue(IotdaPassword.Matches(WorkedExamplePassword, "2024061003", "Sens0rS3cret!"));
            Assert.IsFalse(IotdaPassword.Matches(WorkedExamplePassword.ToUpperInvariant(), "2024061003", "Sens0rS3cret!"));
            Assert.IsFalse(IotdaPassword.Matches(WorkedExamplePassword, "2024061004", "Sens0rS3cret!"));
            Assert.IsFalse(IotdaPassword.Matches(null, "2024061003", "Sens0rS3cret!"));
            Assert.IsFalse(IotdaPassword.Matches("", "2024061003", "Sens0rS3cret!"));
        }

        [TestMethod]
        public void ClientIdParse_WorkedExample_SplitsDeviceIdWithUnderscore()
        {
            Assert.IsTrue(IotdaClientId.TryParse("660f1e2a7bbf9d23a1b2c3d4_esp32node01_0_0_2024061003", out var id));
            Assert.AreEqual("660f1e2a7bbf9d23a1b2c3d4_esp32node01", id.DeviceId);
            Assert.AreEqual(0, id.SignType);
            Assert.AreEqual("2024061003", id.Timestamp);
            Assert.IsTrue(id.TryGetTime(out var time));
            Assert.AreEqual(new DateTimeOffset(2024, 6, 10, 3, 0, 0, TimeSpan.Zero), time);
        }

        [TestMethod]
        public void ClientIdParse_Null_False()
        {
            Assert.IsFalse(IotdaClientId.TryParse(null, out _));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("dev")]
        [DataRow("dev_0_0")]
        [DataRow("_0_0_2024061003")]
        [DataRow("dev_1_0_2024061003")]
        [DataRow("dev_0_2_2024061003")]
        [DataRow("dev_0_0_20240610")]
        [DataRow("dev_0_0_202406100300")]
        [DataRow("dev_0_0_2024061024")]
        [DataRow("dev_0_0_2024023103")]
        [DataRow("dev_0_0_2024O61003")]
        public void ClientIdParse_WrongShape_False(string clientId)
        {
            Assert.IsFalse(IotdaClientId.TryParse(clientId, out var id));
            Assert.IsNull(id);
        }
    }
}
