using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace StmNode.IntegrationTests
{
    [TestClass]
    public class HostBuildTests
    {
        [TestMethod]
        public void HostAssembly_IsTheStmnodeProgram()
        {
            Assert.AreEqual("stmnode", typeof(StmNode.Host.Program).Assembly.GetName().Name);
        }
    }
}
