using System.IO;
using System.Text;
using StmNode.At;
using StmNode.Tests.Fakes;

namespace StmNode.NanoBench
{
    /// <summary>AT framing over the EC20 transcript: StreamReader lines with a prefix table, AtLineFramer, AtChannel.Poll.</summary>
    public static class AtBenches
    {
        private static readonly string[] UrcPrefixes = { "+QMTRECV:", "+QMTSTAT:", "+QMTPUB:", "+QMTSUB:", "+QMTCONN:", "+QMTOPEN:", "+CSQ:", "RDY", "+QIND:" };
        private static int _urcs;

        public static void Run()
        {
            Transcript transcript = new Transcript();
            byte[] data = transcript.Data;
            int bytes = data.Length;
            MemoryStream stream = new MemoryStream(data);
            Bench.Run("AT framing (per transcript)", "StreamReader.ReadLine + prefix table", delegate
            {
                stream.Position = 0;
                StreamReader reader = new StreamReader(stream);
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
                    for (int i = 0; i < UrcPrefixes.Length; i++)
                    {
                        if (line.StartsWith(UrcPrefixes[i]))
                        {
                            _urcs++;
                            break;
                        }
                    }
                }

                return lines;
            }, bytes);

            AtLineFramer framer = new AtLineFramer(512, 1024);
            Bench.Run("AT framing (per transcript)", "StmNode AtLineFramer", delegate
            {
                int lines = 0;
                for (int i = 0; i < data.Length; i++)
                {
                    if (framer.Push(data[i]) == AtLineFramer.LineReady)
                    {
                        lines++;
                    }
                }

                return lines;
            }, bytes);

            AtChannel channel = new AtChannel(transcript, new ManualClock(), new RecordingLog());
            for (int i = 0; i < UrcPrefixes.Length; i++)
            {
                channel.AddUrc(UrcPrefixes[i], Count);
            }

            Bench.Run("AT framing (per transcript)", "StmNode AtChannel.Poll (trace on)", delegate
            {
                transcript.Rewind();
                _urcs = 0;
                channel.Poll(0);
                return _urcs;
            }, bytes);
        }

        private static void Count(string line)
        {
            _urcs++;
        }
    }
}
