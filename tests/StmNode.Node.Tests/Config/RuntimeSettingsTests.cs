#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Config;
using StmNode.Node;

namespace StmNode.Tests.Config
{
    [TestClass]
    public class RuntimeSettingsTests
    {
        [TestMethod]
        public void Create_StartsFromTheConfiguration()
        {
            NodeConfig config = new NodeConfig();
            config.ReportPeriodSeconds = 30;
            config.GasThresholdPercent = 40;

            RuntimeSettings settings = new RuntimeSettings(config);

            Assert.AreEqual(30, settings.ReportPeriodSeconds);
            Assert.AreEqual(config.DiagPeriodSeconds, settings.DiagPeriodSeconds);
            Assert.AreEqual(40, settings.Get(ModelTarget.GasThreshold));
            Assert.AreEqual(config.AlarmMinIntervalSeconds, settings.AlarmMinIntervalSeconds);
            Assert.AreEqual(0, settings.Changes);
        }

        [TestMethod]
        public void Apply_StagedValues_TakenAtOnceAsOneChangeAndTheConfigurationStays()
        {
            NodeConfig config = new NodeConfig();
            RuntimeSettings settings = new RuntimeSettings(config);
            int[] staged = settings.Copy();
            RuntimeSettings.Stage(staged, ModelTarget.ReportPeriod, 15);
            RuntimeSettings.Stage(staged, ModelTarget.AlarmMinInterval, 9);
            Assert.AreEqual(60, settings.ReportPeriodSeconds);

            settings.Apply(staged);

            Assert.AreEqual(15, settings.ReportPeriodSeconds);
            Assert.AreEqual(9, settings.AlarmMinIntervalSeconds);
            Assert.AreEqual(1, settings.Changes);
            Assert.AreEqual(60, config.ReportPeriodSeconds);
        }

        [TestMethod]
        public void Apply_SameValues_CountsNoChange()
        {
            RuntimeSettings settings = new RuntimeSettings(new NodeConfig());

            settings.Apply(settings.Copy());

            Assert.AreEqual(0, settings.Changes);
        }

        [TestMethod]
        [DataRow(4, true)]
        [DataRow(7, true)]
        [DataRow(1, false)]
        [DataRow(8, false)]
        public void Holds_OnlyTheFourSettings(int target, bool held)
        {
            Assert.AreEqual(held, RuntimeSettings.Holds((ModelTarget)target));
        }
    }
}
