using System;
using StmNode.Host.Emulators;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Composition;
using StmNode.Ports;

namespace StmNode.Host.Runner
{
    /// <summary>
    /// A raw AT console through Core's own <see cref="AtChannel"/>: each typed line is sent as one command and ended by
    /// its final result; every line on the wire is traced (secrets masked), and URCs show up while you type.
    /// </summary>
    public static class AtConsole
    {
        private const int IdlePollMs = 100;

        public static async Task<int> RunAsync(AtConsoleOptions options, TextReader input, TextWriter output, CancellationToken cancel)
        {
            IDisposable resources = null;
            IByteStream line;
            if (options.Serial != null)
            {
                SerialPortLine port = SerialPortLine.TryOpen(options.Serial, options.Baud, out string error);
                if (port == null)
                {
                    output.WriteLine(error);
                    return 1;
                }

                line = port;
                resources = port;
                output.WriteLine(options.Modem + " on " + options.Serial + " at " + options.Baud + " Bd");
            }
            else
            {
                line = ModemLines.OpenEmulated(options.Modem, out resources);
                if (line == null)
                {
                    output.WriteLine("no emulated " + options.Modem + " in this build; give --serial PORT for a real modem");
                    return 2;
                }

                output.WriteLine("emulated " + options.Modem + " (no hardware; give --serial PORT for a real modem)");
            }

            output.WriteLine("type AT commands; an empty line or 'quit' ends the console");
            try
            {
                var log = new ConsoleLog(LogLevel.Trace, output);
                var channel = new AtChannel(line, new SystemClock(), log) { LineEnding = ModemModels.DriverOf(options.Modem) == "esp-at" ? "\r\n" : "\r" };
                Channel<string> lines = Channel.CreateUnbounded<string>();
                var reader = new Thread(() =>
                {
                    string text;
                    while ((text = input.ReadLine()) != null)
                    {
                        lines.Writer.TryWrite(text);
                    }

                    lines.Writer.TryComplete();
                }) { IsBackground = true, Name = "at console input" };
                reader.Start();
                await Task.Run(() => Loop(channel, lines.Reader, options, output, cancel), CancellationToken.None).ConfigureAwait(false);
                return 0;
            }
            finally
            {
                resources?.Dispose();
            }
        }

        /// <summary>What an AT reply means, in one line.</summary>
        public static string Describe(AtReply reply, int timeoutMs) => reply.Status switch
        {
            AtStatus.Ok => "= " + (reply.Final ?? "OK"),
            AtStatus.Error => "= ERROR",
            AtStatus.CmeError => "= " + reply.Final + " (CME error " + reply.Code + ")",
            AtStatus.CmsError => "= " + reply.Final + " (CMS error " + reply.Code + ")",
            AtStatus.Timeout => "= no final result within " + timeoutMs + " ms",
            AtStatus.LineFailed => "= the serial line is closed",
            AtStatus.Aborted => "= aborted (the modem restarted)",
            _ => "= " + reply.Status,
        };

        private static void Loop(AtChannel channel, ChannelReader<string> lines, AtConsoleOptions options, TextWriter output, CancellationToken cancel)
        {
            int timeoutMs = (int)options.Timeout.TotalMilliseconds;
            while (!cancel.IsCancellationRequested)
            {
                if (!lines.TryRead(out string text))
                {
                    if (lines.Completion.IsCompleted)
                    {
                        return;
                    }

                    // Between commands, URCs still arrive and are traced.
                    channel.Poll(IdlePollMs);
                    continue;
                }

                text = text.Trim();
                if (text.Length == 0 || text.Equals("quit", StringComparison.OrdinalIgnoreCase) || text.Equals("exit", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                AtReply reply = channel.Send(text, null, timeoutMs);
                for (int i = 0; i < reply.LineCount; i++)
                {
                    output.WriteLine("  " + AtSecretMask.Apply(reply.Line(i)));
                }

                output.WriteLine(Describe(reply, timeoutMs));
            }
        }
    }
}
