using System;
using System.Text;
using nanoFramework.Json;
using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.NanoBench
{
    /// <summary>The `stm32` report to UTF-8 bytes: StmNode's IoTDA encoder, nanoFramework.Json and a StringBuilder.</summary>
    public static class JsonBenches
    {
        private static readonly byte[] Buffer = new byte[512];
        private static readonly IotdaReportEncoder Encoder = new IotdaReportEncoder();

        public static void Run()
        {
            ReportDocument document = ReportDocument.Create();
            Bench.Run("report JSON", "nanoFramework.Json SerializeObject + UTF8", delegate
            {
                return Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(document)).Length;
            }, 1);
            Bench.Run("report JSON", "StringBuilder + UTF8", delegate { return WithStringBuilder().Length; }, 1);
            Bench.Run("report JSON", "StmNode IotdaReportEncoder", delegate { return Encode(Buffer); }, 1);
        }

        /// <summary>The report as StmNode encodes it (the PUBLISH benchmarks' body).</summary>
        public static byte[] ReportBytes()
        {
            int n = Encode(Buffer);
            byte[] body = new byte[n];
            Array.Copy(Buffer, body, n);
            return body;
        }

        public static int Encode(byte[] buffer)
        {
            IotdaReportEncoder e = Encoder;
            e.Begin(buffer, 0, buffer.Length);
            e.BeginService(Stm32Service.Id, ReportDocument.EventTime);
            e.AddDouble(Stm32Service.Temperature.Name, ReportDocument.Temperature, 1);
            e.AddDouble(Stm32Service.Humidity.Name, ReportDocument.Humidity, 1);
            e.AddBool(Stm32Service.GasAlarm.Name, false);
            e.AddInt(Stm32Service.GasLevel.Name, ReportDocument.GasLevel);
            e.AddBool(Stm32Service.Flame.Name, false);
            e.AddBool(Stm32Service.Water.Name, false);
            e.AddBool(Stm32Service.Light.Name, true);
            e.AddInt(Stm32Service.Led1.Name, 0);
            e.AddInt(Stm32Service.Led2.Name, 0);
            e.AddInt(Stm32Service.Led3.Name, 0);
            e.EndService();
            return e.End();
        }

        private static byte[] WithStringBuilder()
        {
            StringBuilder s = new StringBuilder(256);
            s.Append("{\"services\":[{\"service_id\":\"stm32\",\"properties\":{\"DHT11_T\":");
            s.Append(ReportDocument.Temperature.ToString("F1"));
            s.Append(",\"DHT11_H\":");
            s.Append(ReportDocument.Humidity.ToString("F1"));
            s.Append(",\"MQ2\":false,\"gas_level\":");
            s.Append(ReportDocument.GasLevel);
            s.Append(",\"flame\":false,\"water\":false,\"light\":true,\"LED1\":0,\"LED2\":0,\"LED3\":0},\"event_time\":\"");
            DateTime t = ReportDocument.EventTime;
            s.Append(t.Year.ToString("D4")).Append(t.Month.ToString("D2")).Append(t.Day.ToString("D2")).Append('T');
            s.Append(t.Hour.ToString("D2")).Append(t.Minute.ToString("D2")).Append(t.Second.ToString("D2")).Append("Z\"}]}");
            return Encoding.UTF8.GetBytes(s.ToString());
        }
    }
}
