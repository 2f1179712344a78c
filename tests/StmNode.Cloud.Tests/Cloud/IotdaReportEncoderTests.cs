#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using StmNode.Cloud;
using StmNode.Json;

namespace StmNode.Tests.Cloud
{
    [TestClass]
    public class IotdaReportEncoderTests
    {
        private static void AddStm32(IReportEncoder encoder, bool withTemperature)
        {
            if (withTemperature)
            {
                encoder.AddInt("DHT11_T", 18);
            }

            encoder.AddInt("DHT11_H", 80);
            encoder.AddInt("MQ2", 1);
            encoder.AddInt("water", 1);
            encoder.AddInt("flame", 1);
            encoder.AddInt("light", 0);
            encoder.AddInt("LED1", 0);
            encoder.AddInt("LED2", 0);
            encoder.AddInt("LED3", 0);
        }

        [TestMethod]
        public void Encode_Stm32Readings_MatchesIssueExample()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[512];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");
            AddStm32(encoder, true);
            encoder.EndService();
            int length = encoder.End();

            Assert.AreEqual(
                "{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_T\":18,\"DHT11_H\":80,\"MQ2\":1,\"water\":1,\"flame\":1,\"light\":0,\"LED1\":0,\"LED2\":0,\"LED3\":0}}]}",
                CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void Encode_WorkedExampleWithEventTime_Is138Bytes()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[300];

            encoder.Begin(buffer, 10, 200);
            encoder.BeginService("Environment", new DateTime(2024, 6, 10, 3, 15, 2));
            encoder.AddDouble("temperature", 23.5, 1);
            encoder.AddInt("humidity", 61);
            encoder.AddDouble("battery", 3.71, 2);
            encoder.EndService();
            int length = encoder.End();

            Assert.AreEqual(138, length);
            Assert.AreEqual(
                "{\"services\":[{\"service_id\":\"Environment\",\"properties\":{\"temperature\":23.5,\"humidity\":61,\"battery\":3.71},\"event_time\":\"20240610T031502Z\"}]}",
                CloudTestData.Text(buffer, 10, length));
        }

        [TestMethod]
        public void Encode_FailedReadingLeftOut_AndSecondServiceWithOwnTime()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[512];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32", new DateTime(2026, 11, 25, 9, 5, 7));
            AddStm32(encoder, false);
            encoder.EndService();
            encoder.BeginService("diag");
            encoder.AddString("link", "bc26");
            encoder.AddBool("offline", false);
            encoder.AddInt("rssi", -71);
            encoder.EndService();
            int length = encoder.End();

            Assert.AreEqual(
                "{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_H\":80,\"MQ2\":1,\"water\":1,\"flame\":1,\"light\":0,\"LED1\":0,\"LED2\":0,\"LED3\":0},\"event_time\":\"20261125T090507Z\"},"
                + "{\"service_id\":\"diag\",\"properties\":{\"link\":\"bc26\",\"offline\":false,\"rssi\":-71}}]}",
                CloudTestData.Text(buffer, 0, length));
        }

        [TestMethod]
        public void Encode_BufferTooSmall_ReturnsMinusOneWithOverflow()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[60];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");
            AddStm32(encoder, true);
            encoder.EndService();

            Assert.AreEqual(-1, encoder.End());
            Assert.AreEqual((int)JsonWriteError.Overflow, (int)encoder.Error);
        }

        [TestMethod]
        public void Encode_PropertyOutsideService_ReturnsMinusOneWithBadNesting()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[100];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.AddInt("DHT11_T", 18);

            Assert.AreEqual(-1, encoder.End());
            Assert.AreEqual((int)JsonWriteError.BadNesting, (int)encoder.Error);
        }

        [TestMethod]
        public void Encode_ServiceLeftOpen_ReturnsMinusOne()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[100];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");
            encoder.AddInt("MQ2", 1);

            Assert.AreEqual(-1, encoder.End());
        }

        [TestMethod]
        public void Encode_NaNReading_ReturnsMinusOneWithInvalidNumber()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[100];

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("stm32");
            encoder.AddDouble("DHT11_T", double.NaN, 1);
            encoder.EndService();

            Assert.AreEqual(-1, encoder.End());
            Assert.AreEqual((int)JsonWriteError.InvalidNumber, (int)encoder.Error);
        }

        [TestMethod]
        public void Begin_AfterFailedMessage_StartsClean()
        {
            IReportEncoder encoder = new IotdaReportEncoder();
            byte[] buffer = new byte[100];
            encoder.Begin(buffer, 0, 10);
            encoder.BeginService("stm32");
            encoder.EndService();
            Assert.AreEqual(-1, encoder.End());

            encoder.Begin(buffer, 0, buffer.Length);
            encoder.BeginService("s");
            encoder.EndService();
            int length = encoder.End();

            Assert.AreEqual("{\"services\":[{\"service_id\":\"s\",\"properties\":{}}]}", CloudTestData.Text(buffer, 0, length));
            Assert.AreEqual((int)JsonWriteError.None, (int)encoder.Error);
        }
    }
}
