using System;
using System.Threading;
using System.Threading.Channels;

namespace StmNode.Host.Runner
{
    /// <summary>
    /// Keys typed in the terminal, read on a background thread (Console.ReadKey cannot be cancelled) and handed over
    /// through a channel, so the run loop waits for keys, time and Ctrl+C together. Used only when stdin is a terminal.
    /// </summary>
    public sealed class ConsoleKeySource
    {
        private readonly Channel<char> _keys = Channel.CreateUnbounded<char>();
        private int _started;

        public ChannelReader<char> Start()
        {
            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                var thread = new Thread(ReadLoop) { IsBackground = true, Name = "console keys" };
                thread.Start();
            }

            return _keys.Reader;
        }

        private void ReadLoop()
        {
            try
            {
                while (true)
                {
                    ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                    if (key.KeyChar != '\0')
                    {
                        _keys.Writer.TryWrite(key.KeyChar);
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // No console to read from after all (redirected late): the run simply gets no keys.
                _keys.Writer.TryComplete();
            }
        }
    }
}
