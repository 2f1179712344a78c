using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.Tests.Node
{
    /// <summary>
    /// .NET only (the allocation counter has no nanoFramework counterpart): pins what one steady-state report costs
    /// before it reaches the link, so a change that boxes values again or grows the report fails here. Figures are
    /// per report, measured on .NET 10 x64 (tests/StmNode.Benchmarks --wire prints the same stages).
    /// </summary>
    [TestClass]
    public class ReportCycleAllocationTests
    {
        // The report object and its three typed arrays (names, kinds, numbers): no boxed value, no growth.
        private const long MaxReportBytes = 424;

        // The payload copy the node keeps for retries, and its CloudMessage.
        private const long MaxEncodeBytes = 256;

        private static NodeReport Build(DateTime eventTime)
        {
            NodeReport report = new NodeReport(Stm32Service.Id, 1000);
            report.SetEventTime(eventTime);
            report.AddInt(Stm32Service.Temperature.Name, 18);
            report.AddInt(Stm32Service.Humidity.Name, 80);
            report.AddInt(Stm32Service.GasAlarm.Name, 1);
            report.AddInt(Stm32Service.Flame.Name, 1);
            report.AddInt(Stm32Service.Water.Name, 1);
            report.AddInt(Stm32Service.Light.Name, 0);
            report.AddInt(Stm32Service.Led1.Name, 0);
            report.AddInt(Stm32Service.Led2.Name, 1);
            report.AddInt(Stm32Service.Led3.Name, 0);
            return report;
        }

        private static CloudUplink Cloud()
        {
            HuaweiIotdaSettings settings = new HuaweiIotdaSettings();
            settings.Host = "example.iotda-device.cn-north-4.myhuaweicloud.com";
            settings.DeviceId = "660f1e2a7bbf9d23a1b2c3d4_node01";
            settings.Secret = "Sens0rS3cret!";
            return new CloudUplink(new HuaweiIotdaProfile(settings, Stm32Service.CreateDeviceModel()));
        }

        [TestMethod]
        public void BuildReport_NineInts_AllocatesAtMostPinnedBytes()
        {
            DateTime eventTime = new DateTime(2026, 11, 25, 9, 5, 7, DateTimeKind.Utc);
            Build(eventTime);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int count = 0;
            for (int i = 0; i < 100; i++)
            {
                count += Build(eventTime).Count;
            }

            long perReport = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

            Assert.AreEqual(900, count);
            Assert.IsTrue(perReport <= MaxReportBytes, "report: " + perReport + " B");
        }

        [TestMethod]
        public void EncodeReport_WarmedUp_AllocatesOnlyThePayloadCopy()
        {
            CloudUplink cloud = Cloud();
            NodeReport report = Build(new DateTime(2026, 11, 25, 9, 5, 7, DateTimeKind.Utc));
            CloudMessage first = cloud.Report(report);

            long before = GC.GetAllocatedBytesForCurrentThread();
            CloudMessage last = null;
            for (int i = 0; i < 100; i++)
            {
                last = cloud.Report(report);
            }

            long perReport = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

            Assert.AreEqual(Encoding.UTF8.GetString(first.Payload), Encoding.UTF8.GetString(last.Payload));
            StringAssert.Contains(Encoding.UTF8.GetString(last.Payload), "\"DHT11_T\":18");
            Assert.IsTrue(perReport <= MaxEncodeBytes, "encode: " + perReport + " B");
        }
    }
}
