using System;
using nanoFramework.M2Mqtt;

namespace StmNode.NanoBench
{
    /// <summary>M2Mqtt's network channel over a packet in memory, so its message classes parse without a socket.</summary>
    public sealed class ByteChannel : IMqttNetworkChannel
    {
        private byte[] _data;
        private int _position;

        public bool DataAvailable
        {
            get { return _position < _data.Length; }
        }

        public bool ValidateServerCertificate { get; set; }

        public void Load(byte[] data, int start)
        {
            _data = data;
            _position = start;
        }

        public int Receive(byte[] buffer)
        {
            int n = buffer.Length < _data.Length - _position ? buffer.Length : _data.Length - _position;
            Array.Copy(_data, _position, buffer, 0, n);
            _position += n;
            return n;
        }

        public int Receive(byte[] buffer, int timeout)
        {
            return Receive(buffer);
        }

        public int Send(byte[] buffer)
        {
            return buffer.Length;
        }

        public void Close()
        {
        }

        public void Connect()
        {
        }

        public void Accept()
        {
        }
    }
}
