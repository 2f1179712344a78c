using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Cloud;

namespace StmNode.Tests.Cloud
{
    /// <summary>Host-only: encoding a report in steady state allocates nothing but the caller's buffer.</summary>
    [TestClass]
    public class ReportAllocationTests
    {
        private static int Encode(IReportEncoder encoder, byte[] buffer, DateTime eventTime)
        {
            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32", eventTime);
            encoder.AddInt("DHT11_T", 18);
            encoder.AddInt("DHT11_H", 80);
            encoder.AddInt("MQ2", 1);
            encoder.AddInt("water", 1);
            encoder.AddInt("flame", 1);
            encoder.AddInt("light", 0);
            encoder.AddInt("LED1", 0);
            encoder.AddInt("LED2", 1);
            encoder.AddInt("LED3", 0);
            encoder.EndService();
            encoder.BeginService("diag");
            encoder.AddDouble("vbat", 3.71, 2);
            encoder.AddBool("offline", false);
            encoder.AddString("link", "wifi\u00e9\n");
            encoder.AddInt("uptime", long.MaxValue);
            encoder.EndService();
            return encoder.End();
        }

        private static void AssertEncodesWithoutAllocating(IReportEncoder encoder)
        {
            byte[] buffer = new byte[1024];
            DateTime eventTime = new DateTime(2026, 11, 25, 9, 5, 7, DateTimeKind.Utc);
            Assert.IsTrue(Encode(encoder, buffer, eventTime) > 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int length = 0;
            for (int i = 0; i < 100; i++)
            {
                length = Encode(encoder, buffer, eventTime);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.IsTrue(length > 0);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void IotdaReport_WarmedUp_AllocatesNothing()
        {
            AssertEncodesWithoutAllocating(new IotdaReportEncoder());
        }

        [TestMethod]
        public void AlinkReport_WarmedUp_AllocatesNothing()
        {
            AssertEncodesWithoutAllocating(new AlinkReportEncoder(true));
        }
    }
}
