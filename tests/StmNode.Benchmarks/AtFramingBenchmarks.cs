using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using StmNode.At;
using StmNode.Ports;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// AT line framing and URC dispatch over the EC20 transcript (<see cref="ModemTranscript"/>). The baseline is what
    /// a .NET developer writes first: a StreamReader's ReadLine over the bytes and a prefix table of delegates.
    /// The AtChannel row is the whole receive path: serial reads, framing, finals, URC table, trace ring, EC20
    /// length-prefixed +QMTRECV.
    /// </summary>
    [BenchmarkCategory("AT framing")]
    public class AtFramingBenchmarks
    {
        private static readonly string[] UrcPrefixes = { "+QMTRECV:", "+QMTSTAT:", "+QMTPUB:", "+QMTSUB:", "+QMTCONN:", "+QMTOPEN:", "+CSQ:", "RDY", "+QIND:" };

        private byte[] _transcript;
        private MemoryStream _stream;
        private Dictionary<string, Action<string>> _table;
        private AtLineFramer _framer;
        private TranscriptLine _line;
        private AtChannel _channel;
        private int _urcs;

        [GlobalSetup]
        public void Setup()
        {
            _transcript = ModemTranscript.Ec20();
            _stream = new MemoryStream(_transcript);
            _table = new Dictionary<string, Action<string>>();
            foreach (string prefix in UrcPrefixes)
            {
                _table[prefix] = _ => _urcs++;
            }

            _framer = new AtLineFramer(512, 1024);
            _line = new TranscriptLine(_transcript);
            _channel = new AtChannel(_line, new StillClock(), new SilentLog());
            foreach (string prefix in UrcPrefixes)
            {
                _channel.AddUrc(prefix, _ => _urcs++);
            }
        }

        /// <summary>Bytes in the transcript, for throughput in docs/performance.md.</summary>
        public int TranscriptBytes => _transcript.Length;

        [Benchmark(Baseline = true, Description = "StreamReader.ReadLine + prefix table")]
        public int StreamReaderLines()
        {
            _stream.Position = 0;
            StreamReader reader = new StreamReader(_stream, Encoding.ASCII, false, 1024, leaveOpen: true);
            int lines = 0;
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                lines++;
                foreach (KeyValuePair<string, Action<string>> entry in _table)
                {
                    if (line.StartsWith(entry.Key, StringComparison.Ordinal))
                    {
                        entry.Value(line);
                        break;
                    }
                }
            }

            return lines;
        }

        [Benchmark(Description = "StmNode AtLineFramer (lines only)")]
        public int StmNodeFramer()
        {
            int lines = 0;
            byte[] data = _transcript;
            for (int i = 0; i < data.Length; i++)
            {
                if (_framer.Push(data[i]) == AtLineFramer.LineReady)
                {
                    lines++;
                }
            }

            return lines;
        }

        [Benchmark(Description = "StmNode AtChannel.Poll (framing + URC dispatch)")]
        public int StmNodeChannel()
        {
            _line.Rewind();
            _urcs = 0;
            _channel.Poll(0);
            return _urcs;
        }

        /// <summary>Serves the transcript in 256-byte reads (the channel's buffer size), then reports silence.</summary>
        private sealed class TranscriptLine : IByteStream
        {
            private readonly byte[] _data;
            private int _position;

            public TranscriptLine(byte[] data)
            {
                _data = data;
            }

            public void Rewind()
            {
                _position = 0;
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                int n = Math.Min(count, _data.Length - _position);
                Array.Copy(_data, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                return true;
            }
        }
    }
}
