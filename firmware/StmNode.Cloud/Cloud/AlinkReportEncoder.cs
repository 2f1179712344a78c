using System;
using StmNode.Json;

namespace StmNode.Cloud
{
    /// <summary>
    /// Alink property post: {"id":"1","version":"1.0","sys":{"ack":1},"params":{…},"method":"thing.event.property.post"}.
    /// Alink has one flat property set per device, so services only group readings: their ids are not sent, and a
    /// service with an event time writes each reading as {"value":v,"time":ms}. Allocates nothing after construction.
    /// </summary>
    public sealed class AlinkReportEncoder : IReportEncoder
    {
        private readonly JsonWriter _writer = new JsonWriter();
        private readonly bool _requestReply;
        private long _nextId = 1;
        private long _timeMs;
        private bool _hasTime;
        private bool _inService;
        private JsonWriteError _misuse;

        public AlinkReportEncoder(bool requestReply)
        {
            _requestReply = requestReply;
        }

        public JsonWriteError Error
        {
            get { return _misuse != JsonWriteError.None ? _misuse : _writer.Error; }
        }

        public void Begin(byte[] buffer, int offset, int capacity)
        {
            _misuse = JsonWriteError.None;
            _inService = false;
            long id = _nextId;
            // Ids are digit strings 0…4294967295, unique per device per day.
            _nextId = _nextId >= 4294967295L ? 1 : _nextId + 1;
            _writer.Reset(buffer, offset, capacity);
            _writer.BeginObject();
            _writer.WriteName("id");
            _writer.BeginRawString();
            _writer.AppendRawNumber(id);
            _writer.EndRawString();
            _writer.WriteString("version", "1.0");
            _writer.WriteName("sys");
            _writer.BeginObject();
            _writer.WriteLong("ack", _requestReply ? 1 : 0);
            _writer.EndObject();
            _writer.WriteName("params");
            _writer.BeginObject();
        }

        public void BeginService(string serviceId)
        {
            Open(false, 0);
        }

        public void BeginService(string serviceId, DateTime eventTimeUtc)
        {
            Open(true, AliyunCredentials.ToUnixMilliseconds(eventTimeUtc));
        }

        public void AddInt(string name, long value)
        {
            if (BeginValue(name))
            {
                _writer.WriteLong(value);
                EndValue();
            }
        }

        public void AddDouble(string name, double value, int decimals)
        {
            if (BeginValue(name))
            {
                _writer.WriteDouble(value, decimals);
                EndValue();
            }
        }

        public void AddBool(string name, bool value)
        {
            if (BeginValue(name))
            {
                _writer.WriteBool(value);
                EndValue();
            }
        }

        public void AddString(string name, string value)
        {
            if (BeginValue(name))
            {
                _writer.WriteString(value);
                EndValue();
            }
        }

        public void EndService()
        {
            if (!_inService)
            {
                _misuse = JsonWriteError.BadNesting;
            }

            _inService = false;
        }

        public int End()
        {
            if (_inService)
            {
                _misuse = JsonWriteError.BadNesting;
            }

            _writer.EndObject();
            _writer.WriteString("method", "thing.event.property.post");
            _writer.EndObject();
            return Error == JsonWriteError.None && _writer.IsComplete ? _writer.Length : -1;
        }

        private void Open(bool hasTime, long timeMs)
        {
            if (_inService)
            {
                _misuse = JsonWriteError.BadNesting;
            }

            _inService = true;
            _hasTime = hasTime;
            _timeMs = timeMs;
        }

        private bool BeginValue(string name)
        {
            if (!_inService)
            {
                _misuse = JsonWriteError.BadNesting;
                return false;
            }

            _writer.WriteName(name);
            if (_hasTime)
            {
                _writer.BeginObject();
                _writer.WriteName("value");
            }

            return true;
        }

        private void EndValue()
        {
            if (_hasTime)
            {
                _writer.WriteLong("time", _timeMs);
                _writer.EndObject();
            }
        }
    }
}
