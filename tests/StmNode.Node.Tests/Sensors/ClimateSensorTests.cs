#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Sensors;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Sensors
{
    [TestClass]
    public class ClimateSensorTests
    {
        [TestMethod]
        public void Poll_GoodRead_ValueAvailableUntilItExpires()
        {
            FakeHumiditySensor dht = new FakeHumiditySensor();
            ClimateSensor sensor = new ClimateSensor(dht, 5000, 30000, 3);

            sensor.Poll(0);

            double t;
            double h;
            Assert.IsTrue(sensor.TryGet(30000, out t, out h));
            Assert.AreEqual(21.5, t);
            Assert.AreEqual(40.0, h);
            Assert.IsFalse(sensor.TryGet(30001, out t, out h));
        }

        [TestMethod]
        public void Poll_FailedRead_NeverGivesTheDefaultValues()
        {
            FakeHumiditySensor dht = new FakeHumiditySensor();
            dht.Ok = false;
            ClimateSensor sensor = new ClimateSensor(dht, 5000, 30000, 3);

            sensor.Poll(0);

            double t;
            double h;
            Assert.IsFalse(sensor.TryGet(0, out t, out h));
            Assert.AreEqual("no response", sensor.LastError);
        }

        [TestMethod]
        public void Poll_FailedRead_RetriedLaterThenCountedOnce()
        {
            FakeHumiditySensor dht = new FakeHumiditySensor();
            dht.Ok = false;
            ClimateSensor sensor = new ClimateSensor(dht, 5000, 30000, 3);

            for (long now = 0; now < 4000; now += 100)
            {
                sensor.Poll(now);
            }

            Assert.AreEqual(3, dht.Reads);
            Assert.AreEqual(1, sensor.FailureCount);
        }

        [TestMethod]
        public void Poll_FailsThenRecovers_RetrySucceedsWithoutFailureCount()
        {
            FakeHumiditySensor dht = new FakeHumiditySensor();
            dht.Ok = false;
            ClimateSensor sensor = new ClimateSensor(dht, 5000, 30000, 3);
            sensor.Poll(0);

            dht.Ok = true;
            sensor.Poll(ClimateSensor.RetryDelayMs);

            double t;
            double h;
            Assert.IsTrue(sensor.TryGet(ClimateSensor.RetryDelayMs, out t, out h));
            Assert.AreEqual(0, sensor.FailureCount);
        }

        [TestMethod]
        [DataRow(21.0, 120.0)]
        [DataRow(-40.0, 50.0)]
        [DataRow(99.0, 50.0)]
        public void Poll_ImplausibleValues_Refused(double temperature, double humidity)
        {
            FakeHumiditySensor dht = new FakeHumiditySensor();
            dht.Temperature = temperature;
            dht.Humidity = humidity;
            ClimateSensor sensor = new ClimateSensor(dht, 5000, 30000, 1);

            sensor.Poll(0);

            double t;
            double h;
            Assert.IsFalse(sensor.TryGet(0, out t, out h));
            Assert.AreEqual("implausible reading", sensor.LastError);
            Assert.AreEqual(1, sensor.FailureCount);
        }

        [TestMethod]
        public void Poll_StaleAfterSensorDies_LastValueNotReportedForEver()
        {
            FakeHumiditySensor dht = new FakeHumiditySensor();
            ClimateSensor sensor = new ClimateSensor(dht, 5000, 30000, 3);
            sensor.Poll(0);
            dht.Ok = false;

            for (long now = 0; now <= 40000; now += 100)
            {
                sensor.Poll(now);
            }

            double t;
            double h;
            Assert.IsFalse(sensor.TryGet(40000, out t, out h));
            Assert.IsTrue(sensor.FailureCount >= 4);
        }
    }
}
