// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System;
using StmNode.Json;

namespace StmNode.Cloud
{
    /// <summary>
    /// IoTDA property report: {"services":[{"service_id":"stm32","properties":{…},"event_time":"20240610T031502Z"}]}.
    /// Also the body of a property-get answer. Allocates nothing after construction.
    /// </summary>
    public sealed class IotdaReportEncoder : IReportEncoder
    {
        // Names in static fields: on nanoFramework every evaluation of a string literal allocates a new string.
        private static readonly string Services = "services";
        private static readonly string ServiceId = "service_id";
        private static readonly string Properties = "properties";
        private static readonly string EventTime = "event_time";
        private static readonly string TimeSeparator = "T";
        private static readonly string Utc = "Z";

        private readonly JsonWriter _writer = new JsonWriter();
        private DateTime _eventTime;
        private bool _hasEventTime;

        public JsonWriteError Error
        {
            get { return _writer.Error; }
        }

        public void Begin(byte[] buffer, int offset, int capacity)
        {
            _writer.Reset(buffer, offset, capacity);
            _writer.BeginObject();
            _writer.WriteName(Services);
            _writer.BeginArray();
        }

        public void BeginService(string serviceId)
        {
            _hasEventTime = false;
            OpenService(serviceId);
        }

        public void BeginService(string serviceId, DateTime eventTimeUtc)
        {
            _hasEventTime = true;
            _eventTime = eventTimeUtc;
            OpenService(serviceId);
        }

        public void AddInt(string name, long value)
        {
            _writer.WriteLong(name, value);
        }

        public void AddDouble(string name, double value, int decimals)
        {
            _writer.WriteDouble(name, value, decimals);
        }

        public void AddBool(string name, bool value)
        {
            _writer.WriteBool(name, value);
        }

        public void AddString(string name, string value)
        {
            _writer.WriteString(name, value);
        }

        public void EndService()
        {
            _writer.EndObject();
            if (_hasEventTime)
            {
                _writer.WriteName(EventTime);
                WriteEventTime(_writer, _eventTime);
            }

            _writer.EndObject();
            _hasEventTime = false;
        }

        public int End()
        {
            _writer.EndArray();
            _writer.EndObject();
            return IotdaBodies.Finish(_writer);
        }

        /// <summary>Writes time as IoTDA's compact UTC form "yyyyMMddTHHmmssZ".</summary>
        public static void WriteEventTime(JsonWriter writer, DateTime utc)
        {
            writer.BeginRawString();
            writer.AppendPaddedNumber(utc.Year, 4);
            writer.AppendPaddedNumber(utc.Month, 2);
            writer.AppendPaddedNumber(utc.Day, 2);
            writer.AppendRawString(TimeSeparator);
            writer.AppendPaddedNumber(utc.Hour, 2);
            writer.AppendPaddedNumber(utc.Minute, 2);
            writer.AppendPaddedNumber(utc.Second, 2);
            writer.AppendRawString(Utc);
            writer.EndRawString();
        }

        private void OpenService(string serviceId)
        {
            _writer.BeginObject();
            _writer.WriteString(ServiceId, serviceId);
            _writer.WriteName(Properties);
            _writer.BeginObject();
        }
    }
}
