#nullable enable
using System.Collections.Generic;

namespace StmNode.Host.Emulators
{
    /// <summary>One Quectel MQTT client index (0–5): its QMTCFG settings and its connection. Lost on reboot.</summary>
    internal sealed class QmtClient
    {
        public const int StateInitial = 1;
        public const int StateConnecting = 2;
        public const int StateConnected = 3;
        public const int StateDisconnecting = 4;

        public QmtClient(int index)
        {
            Index = index;
        }

        public int Index { get; }

        public int Version { get; set; } = 4;

        public int KeepAlive { get; set; } = 120;

        public int CleanSession { get; set; } = 1;

        public int PacketTimeout { get; set; } = 10;

        public int RetryTimes { get; set; } = 3;

        public int TimeoutNotice { get; set; }

        public int WillFlag { get; set; }

        public int WillQos { get; set; }

        public int WillRetain { get; set; }

        public string WillTopic { get; set; } = string.Empty;

        public string WillMessage { get; set; } = string.Empty;

        /// <summary>BC26 "dataformat": payloads sent / received as hex.</summary>
        public int SendFormat { get; set; }

        public int RecvFormat { get; set; }

        public int EchoMode { get; set; }

        /// <summary>EC20 "recv/mode": 0 payload in the URC, 1 buffered; LenEnable adds the length field.</summary>
        public int RecvMode { get; set; }

        public int LenEnable { get; set; }

        public int PdpCid { get; set; } = 1;

        public int SslEnable { get; set; }

        public int SslContext { get; set; }

        public string[]? AliAuth { get; set; }

        public string Host { get; set; } = string.Empty;

        public int Port { get; set; }

        /// <summary>True between +QMTOPEN: n,0 and close/disconnect/link loss.</summary>
        public bool Opened { get; set; }

        /// <summary>True while QMTOPEN is in progress.</summary>
        public bool Opening { get; set; }

        public int State { get; set; } = StateInitial;

        public BrokerSession? Session { get; set; }

        /// <summary>EC20 buffer mode: five receive slots.</summary>
        public QmtStoredMessage?[] Slots { get; } = new QmtStoredMessage?[5];

        /// <summary>Forgets the connection (not the settings).</summary>
        public void Reset()
        {
            Session?.Abort();
            Session = null;
            Opened = false;
            Opening = false;
            State = StateInitial;
            Host = string.Empty;
            Port = 0;
            for (int i = 0; i < Slots.Length; i++)
            {
                Slots[i] = null;
            }
        }
    }
}
