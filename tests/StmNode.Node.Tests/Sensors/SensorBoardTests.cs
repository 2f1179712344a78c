#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Config;
using StmNode.Node;
using StmNode.Sensors;
using StmNode.Tests.Fakes;

namespace StmNode.Tests.Sensors
{
    [TestClass]
    public class SensorBoardTests
    {
        [TestMethod]
        public void AddTo_AnalogOnlyGasReadFailing_LeavesGasOutAndCountsIt()
        {
            FakeAnalogInput analog = new FakeAnalogInput();
            analog.Value = -1;
            SensorBoard board = new SensorBoard(new NodeConfig(), null, null, analog, null, null, null);
            board.Poll(0);
            NodeReport report = new NodeReport("stm32", 0);

            board.AddTo(report, 0);

            Assert.IsNull(report.Find("MQ2"));
            Assert.IsNull(report.Find("gas_level"));
            Assert.AreEqual(1, board.OmittedCount);
        }

        [TestMethod]
        public void AddTo_DigitalGasWithAnalogReadFailing_ReportsTheDigitalAlarmOnly()
        {
            FakeAnalogInput analog = new FakeAnalogInput();
            analog.Value = -1;
            SensorBoard board = new SensorBoard(new NodeConfig(), null, new FakeDigitalInput(true), analog, null, null, null);
            board.Poll(0);
            NodeReport report = new NodeReport("stm32", 0);

            board.AddTo(report, 0);

            Assert.AreEqual(0, (int)report.Find("MQ2"));
            Assert.IsNull(report.Find("gas_level"));
            Assert.AreEqual(0, board.OmittedCount);
        }
    }
}
