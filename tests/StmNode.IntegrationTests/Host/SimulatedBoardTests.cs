using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Config;
using StmNode.Host.Simulation;

namespace StmNode.IntegrationTests.Host
{
    [TestClass]
    public class SimulatedBoardTests
    {
        [TestMethod]
        public void Inputs_DefaultConfig_UseTheModulesElectricalLevels()
        {
            var board = new SimulatedBoard(new NodeConfig());
            // Quiet: comparator outputs of gas and flame idle high (active low), water idles low (active high).
            Assert.IsTrue(board.GasDigital.Read());
            Assert.IsTrue(board.FlameInput.Read());
            Assert.IsFalse(board.WaterInput.Read());
            board.Gas = true;
            board.Flame = true;
            board.Water = true;
            Assert.IsFalse(board.GasDigital.Read());
            Assert.IsFalse(board.FlameInput.Read());
            Assert.IsTrue(board.WaterInput.Read());
            Assert.AreEqual(SimulatedBoard.GasTriggeredPercent * 4095 / 100, board.GasAnalog.Read(), 1);
        }

        [TestMethod]
        public void Inputs_InvertedConfig_FollowIt()
        {
            var board = new SimulatedBoard(new NodeConfig { FlameActiveHigh = true });
            Assert.IsFalse(board.FlameInput.Read());
            board.Flame = true;
            Assert.IsTrue(board.FlameInput.Read());
        }

        [TestMethod]
        public void Dht_Fails_ReportsAReasonAndNoValue()
        {
            var board = new SimulatedBoard(new NodeConfig()) { TemperatureC = 23.4, HumidityPercent = 61.6 };
            Assert.IsTrue(board.Dht.TryRead(out double t, out double h, out string error));
            Assert.AreEqual(23.0, t);
            Assert.AreEqual(62.0, h);
            Assert.IsNull(error);
            board.DhtFails = true;
            Assert.IsFalse(board.Dht.TryRead(out _, out _, out error));
            Assert.IsNotNull(error);
        }

        [TestMethod]
        public void Leds_DrivenByCore_RaiseChangesOnce()
        {
            var board = new SimulatedBoard(new NodeConfig());
            var leds = board.CreateLedBank();
            int changes = 0;
            board.LedChanged += (led, on) => changes++;
            leds.Set(2, true);
            leds.Set(2, true);
            Assert.IsTrue(board.IsLedOn(2));
            Assert.AreEqual(1, changes);
        }
    }
}
