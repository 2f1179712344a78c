using System;
using System.Text;
using StmNode.Ports;

namespace StmNode.NanoBench
{
    /// <summary>
    /// What an EC20 sends during start-up and 50 report cycles with a command every fifth (the .NET benchmarks'
    /// ModemTranscript, 4,978 bytes in 331 lines), and a line that replays it.
    /// </summary>
    public sealed class Transcript : IByteStream
    {
        public const int Cycles = 50;

        private readonly byte[] _data;
        private int _position;

        public Transcript()
        {
            _data = Ec20();
        }

        public byte[] Data
        {
            get { return _data; }
        }

        public void Rewind()
        {
            _position = 0;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int n = count < _data.Length - _position ? count : _data.Length - _position;
            Array.Copy(_data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            return true;
        }

        public static byte[] Ec20()
        {
            StringBuilder s = new StringBuilder(5200);
            s.Append("\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n");
            s.Append("\r\nOK\r\n\r\nQuectel\r\nEC20F\r\nRevision: EC20CEFAGR06A05M4G\r\n\r\nOK\r\n");
            s.Append("\r\n867330052312345\r\n\r\nOK\r\n\r\n+QCCID: 89860318740212345678\r\n\r\nOK\r\n");
            s.Append("\r\n+CREG: 0,1\r\n\r\nOK\r\n\r\n+CGREG: 0,1\r\n\r\nOK\r\n\r\n+CEREG: 0,1\r\n\r\nOK\r\n");
            s.Append("\r\nOK\r\n\r\nOK\r\n\r\n+QIACT: 1,1,1,\"10.64.12.7\"\r\n\r\nOK\r\n");
            s.Append("\r\n+QLTS: \"2026/11/25,10:00:00+32,0\"\r\n\r\nOK\r\n");
            for (int i = 0; i < 6; i++)
            {
                s.Append("\r\nOK\r\n");
            }

            s.Append("\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n\r\nOK\r\n\r\n+QMTCONN: 0,0,0\r\n");
            s.Append("\r\nOK\r\n\r\n+QMTSUB: 0,1,0,1\r\n\r\nOK\r\n\r\n+QMTSUB: 0,2,0,1\r\n");
            for (int i = 0; i < Cycles; i++)
            {
                int id = i % 65535 + 3;
                s.Append("\r\n> ");
                s.Append("\r\nOK\r\n\r\n+QMTPUB: 0," + id + ",0\r\n");
                s.Append("\r\n+CSQ: 23,99\r\n\r\nOK\r\n");
                if (i % 5 == 0)
                {
                    string command = "{\"paras\":{\"value\":\"ON\"},\"service_id\":\"stm32\",\"command_name\":\"led1\"}";
                    s.Append("\r\n+QMTRECV: 0,0,\"$oc/devices/" + ReportDocument.DeviceId + "/sys/commands/request_id=" + (1000 + i) + "\"," + command.Length + ",\"" + command + "\"\r\n");
                    s.Append("\r\n> ");
                    s.Append("\r\nOK\r\n\r\n+QMTPUB: 0," + (id + 1) + ",0\r\n");
                }
            }

            return Encoding.UTF8.GetBytes(s.ToString());
        }
    }
}
