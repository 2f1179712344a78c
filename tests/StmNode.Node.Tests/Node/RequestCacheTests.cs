#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Node;

namespace StmNode.Tests.Node
{
    [TestClass]
    public class RequestCacheTests
    {
        [TestMethod]
        public void Find_KnownId_ReturnsSameResponse()
        {
            RequestCache cache = new RequestCache(4);
            CloudMessage response = new CloudMessage("t", new byte[] { 1 });

            cache.Add("r1", response);

            Assert.AreSame(response, cache.Find("r1"));
            Assert.IsNull(cache.Find("r2"));
        }

        [TestMethod]
        public void Add_BeyondCapacity_ForgetsOldest()
        {
            RequestCache cache = new RequestCache(2);
            cache.Add("r1", new CloudMessage("1", new byte[0]));
            cache.Add("r2", new CloudMessage("2", new byte[0]));

            cache.Add("r3", new CloudMessage("3", new byte[0]));

            Assert.IsNull(cache.Find("r1"));
            Assert.AreEqual("2", cache.Find("r2").Topic);
            Assert.AreEqual(2, cache.Count);
        }
    }
}
