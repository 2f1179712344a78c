#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class Stm32ServiceTests
    {
        [TestMethod]
        public void CreateDeviceModel_ChecksTheWritablePropertiesInTableOrder()
        {
            DeviceModel model = Stm32Service.CreateDeviceModel();

            Assert.AreEqual(Stm32Service.Id, model.ServiceId);
            int n = 0;
            for (int i = 0; i < Stm32Service.Properties.Length; i++)
            {
                ModelProperty property = Stm32Service.Properties[i];
                if (property.IsWritable)
                {
                    ParameterSpec spec = model.WritableProperties[n++];
                    Assert.AreEqual(property.Name, spec.Name);
                    Assert.AreEqual(property.Min, spec.Min);
                    Assert.AreEqual(property.Max, spec.Max);
                }
            }

            Assert.AreEqual(n, model.WritableProperties.Length);
            Assert.AreEqual(7, n);
        }

        [TestMethod]
        public void CreateDeviceModel_ChecksEveryCommandWithItsResponseName()
        {
            DeviceModel model = Stm32Service.CreateDeviceModel();

            Assert.AreEqual(Stm32Service.Commands.Length, model.Commands.Length);
            for (int i = 0; i < Stm32Service.Commands.Length; i++)
            {
                ModelCommand command = Stm32Service.Commands[i];
                CommandSpec spec = model.FindCommand(command.Name);
                Assert.AreEqual(command.ResponseName, spec.ResponseName);
                Assert.AreEqual(command.Parameters.Length, spec.Parameters.Length);
                for (int p = 0; p < spec.Parameters.Length; p++)
                {
                    Assert.AreEqual(command.Parameters[p].Name, spec.Parameters[p].Name);
                    Assert.AreEqual(command.Parameters[p].Required, spec.Parameters[p].Required);
                }
            }
        }

        [TestMethod]
        [DataRow("LED2", true)]
        [DataRow("report_period", true)]
        [DataRow("DHT11_T", false)]
        [DataRow("colour", false)]
        public void FindWritable_OnlyWritableProperties(string name, bool writable)
        {
            Assert.AreEqual(writable, Stm32Service.FindWritable(name) != null);
        }
    }
}
