using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using StmNode.Json;
using StmNode.Node;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// Encoding the `stm32` properties report: StmNode's JsonWriter against System.Text.Json's Utf8JsonWriter, both
    /// writing into a buffer they reuse (the fair setting for firmware that reports forever).
    /// </summary>
    [BenchmarkCategory("Report JSON")]
    public class JsonReportBenchmarks
    {
        private readonly byte[] _buffer = new byte[512];
        private readonly JsonWriter _writer = new JsonWriter();
        private readonly ArrayBufferWriter<byte> _stjBuffer = new ArrayBufferWriter<byte>(512);
        private Utf8JsonWriter _stj;

        [GlobalSetup]
        public void Setup()
        {
            _stj = new Utf8JsonWriter(_stjBuffer);
        }

        [Benchmark(Baseline = true, Description = "System.Text.Json Utf8JsonWriter")]
        public int Utf8JsonWriter()
        {
            _stjBuffer.ResetWrittenCount();
            _stj.Reset(_stjBuffer);
            Utf8JsonWriter w = _stj;
            w.WriteStartObject();
            w.WriteStartArray("services");
            w.WriteStartObject();
            w.WriteString("service_id", Stm32Service.Id);
            w.WriteStartObject("properties");
            w.WriteNumber(Stm32Service.Temperature.Name, ReportJson.Temperature);
            w.WriteNumber(Stm32Service.Humidity.Name, ReportJson.Humidity);
            w.WriteBoolean(Stm32Service.GasAlarm.Name, ReportJson.GasAlarm);
            w.WriteNumber(Stm32Service.GasLevel.Name, ReportJson.GasLevel);
            w.WriteBoolean(Stm32Service.Flame.Name, ReportJson.Flame);
            w.WriteBoolean(Stm32Service.Water.Name, ReportJson.Water);
            w.WriteBoolean(Stm32Service.Light.Name, ReportJson.Light);
            for (int i = 0; i < ReportJson.LedNames.Length; i++)
            {
                w.WriteString(ReportJson.LedNames[i], ReportJson.LedStates[i]);
            }

            w.WriteEndObject();
            // IoTDA's compact time format, formatted on the stack so that this side does not allocate either.
            System.Span<char> time = stackalloc char[16];
            ReportJson.EventTime.TryFormat(time, out int written, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            w.WriteString("event_time", time.Slice(0, written));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            return _stjBuffer.WrittenCount;
        }

        [Benchmark(Description = "StmNode JsonWriter")]
        public int StmNodeJsonWriter()
        {
            return Write(_writer, _buffer);
        }

        /// <summary>The same report with StmNode's writer; the event time is composed without a string.</summary>
        public static int Write(JsonWriter w, byte[] buffer)
        {
            w.Reset(buffer, 0, buffer.Length);
            w.BeginObject();
            w.WriteName("services");
            w.BeginArray();
            w.BeginObject();
            w.WriteString("service_id", Stm32Service.Id);
            w.WriteName("properties");
            w.BeginObject();
            w.WriteDouble(Stm32Service.Temperature.Name, ReportJson.Temperature, 1);
            w.WriteDouble(Stm32Service.Humidity.Name, ReportJson.Humidity, 1);
            w.WriteBool(Stm32Service.GasAlarm.Name, ReportJson.GasAlarm);
            w.WriteLong(Stm32Service.GasLevel.Name, ReportJson.GasLevel);
            w.WriteBool(Stm32Service.Flame.Name, ReportJson.Flame);
            w.WriteBool(Stm32Service.Water.Name, ReportJson.Water);
            w.WriteBool(Stm32Service.Light.Name, ReportJson.Light);
            for (int i = 0; i < ReportJson.LedNames.Length; i++)
            {
                w.WriteString(ReportJson.LedNames[i], ReportJson.LedStates[i]);
            }

            w.EndObject();
            w.WriteName("event_time");
            w.BeginRawString();
            System.DateTime t = ReportJson.EventTime;
            w.AppendPaddedNumber(t.Year, 4);
            w.AppendPaddedNumber(t.Month, 2);
            w.AppendPaddedNumber(t.Day, 2);
            w.AppendRawString("T");
            w.AppendPaddedNumber(t.Hour, 2);
            w.AppendPaddedNumber(t.Minute, 2);
            w.AppendPaddedNumber(t.Second, 2);
            w.AppendRawString("Z");
            w.EndRawString();
            w.EndObject();
            w.EndArray();
            w.EndObject();
            return w.Length;
        }
    }
}
