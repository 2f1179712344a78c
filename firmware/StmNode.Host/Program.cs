using System;
using System.Threading;
using StmNode.Host.Cli;
using StmNode.Host.Emulators;

namespace StmNode.Host
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.OutputEncoding = System.Text.Encoding.UTF8;
            if (args.Length > 0 && args[0] == "emulate" && !(args.Length > 1 && (args[1] == "--help" || args[1] == "-h")))
            {
                // The modem emulator CLI parses its own arguments (it is listed in --help through the emulate command).
                using var stop = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    stop.Cancel();
                };
                return EmulatorCli.Run(args[1..], Console.Out, stop.Token);
            }

            return HostCommandLine.Build(Console.Out).Parse(args).Invoke();
        }
    }
}
