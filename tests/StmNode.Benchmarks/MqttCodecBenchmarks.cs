using System;
using System.Buffers;
using BenchmarkDotNet.Attributes;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Formatter.V3;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using StmNode.Json;
using StmNode.Mqtt;
using StmMqttConnectPacket = StmNode.Mqtt.MqttConnectPacket;
using NetMqttConnectPacket = MQTTnet.Packets.MqttConnectPacket;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// MQTT 3.1.1 packets for one report: StmNode's MqttEncoder / MqttDecoder against MQTTnet's V3 packet formatter
    /// (MqttV3PacketFormatter, the code MQTTnet's client and server run). Both sides reuse their buffers and packet
    /// objects. MQTTnet's Decode starts from a packet whose fixed header its channel adapter already split off;
    /// StmNode's decoder parses the fixed header and remaining length itself, byte by byte.
    /// </summary>
    public class MqttCodecBenchmarks
    {
        private const string ClientId = ReportJson.DeviceId + "_0_0_2024061003";
        private const string Password = "1a67f20631525e06d136d75928719a0dfccba98a6b2c8a8682f377af1ce87f63";

        private readonly byte[] _payload = new byte[512];
        private readonly byte[] _buffer = new byte[1024];
        private readonly MqttDecoder _decoder = new MqttDecoder(1024);
        private int _payloadLength;
        private StmMqttConnectPacket _connect;
        private MqttV3PacketFormatter _formatter;
        private MqttPublishPacket _netPublish;
        private NetMqttConnectPacket _netConnect;
        private byte[] _publishPacket;
        private ReceivedMqttPacket _netReceived;

        [GlobalSetup]
        public void Setup()
        {
            _payloadLength = JsonReportBenchmarks.Write(new JsonWriter(), _payload);
            _connect = new StmMqttConnectPacket { ClientId = ClientId, Username = ReportJson.DeviceId, Password = Password, KeepAliveSeconds = 120 };
            _formatter = new MqttV3PacketFormatter(new MqttBufferWriter(4096, 65536), MqttProtocolVersion.V311);
            _netPublish = new MqttPublishPacket
            {
                Topic = ReportJson.Topic,
                Payload = new ReadOnlySequence<byte>(_payload, 0, _payloadLength),
                QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
                PacketIdentifier = 7
            };
            _netConnect = new NetMqttConnectPacket
            {
                ClientId = ClientId,
                Username = ReportJson.DeviceId,
                Password = System.Text.Encoding.UTF8.GetBytes(Password),
                KeepAlivePeriod = 120,
                CleanSession = true
            };

            int length = MqttEncoder.Publish(_buffer, 0, ReportJson.Topic, _payload, 0, _payloadLength, 1, false, false, 7, out _);
            _publishPacket = _buffer.AsSpan(0, length).ToArray();
            int header = 2;
            while ((_publishPacket[header - 1] & 0x80) != 0)
            {
                header++;
            }

            _netReceived = new ReceivedMqttPacket(_publishPacket[0], new ArraySegment<byte>(_publishPacket, header, length - header), length);
        }

        [Benchmark(Baseline = true, Description = "MQTTnet encode PUBLISH")]
        [BenchmarkCategory("PUBLISH encode")]
        public int MqttNetEncodePublish()
        {
            return _formatter.Encode(_netPublish).Length;
        }

        [Benchmark(Description = "StmNode encode PUBLISH")]
        [BenchmarkCategory("PUBLISH encode")]
        public int StmNodeEncodePublish()
        {
            return MqttEncoder.Publish(_buffer, 0, ReportJson.Topic, _payload, 0, _payloadLength, 1, false, false, 7, out _);
        }

        [Benchmark(Baseline = true, Description = "MQTTnet decode PUBLISH")]
        [BenchmarkCategory("PUBLISH decode")]
        public int MqttNetDecodePublish()
        {
            MqttPublishPacket packet = (MqttPublishPacket)_formatter.Decode(_netReceived);
            return packet.Topic.Length + (int)packet.Payload.Length;
        }

        [Benchmark(Description = "StmNode decode PUBLISH")]
        [BenchmarkCategory("PUBLISH decode")]
        public int StmNodeDecodePublish()
        {
            byte[] packet = _publishPacket;
            for (int i = 0; i < packet.Length; i++)
            {
                if (_decoder.Push(packet[i]) == MqttDecodeStatus.PacketReady)
                {
                    return _decoder.Topic.Length + _decoder.PayloadCount;
                }
            }

            return -1;
        }

        [Benchmark(Baseline = true, Description = "MQTTnet encode CONNECT")]
        [BenchmarkCategory("CONNECT encode")]
        public int MqttNetEncodeConnect()
        {
            return _formatter.Encode(_netConnect).Length;
        }

        [Benchmark(Description = "StmNode encode CONNECT")]
        [BenchmarkCategory("CONNECT encode")]
        public int StmNodeEncodeConnect()
        {
            return MqttEncoder.Connect(_buffer, 0, _connect, out _);
        }
    }
}
