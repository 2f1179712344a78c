using System;
using System.Threading;
using StmNode.Host.Emulators;

namespace StmNode.Host
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "emulate")
            {
                using var stop = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    stop.Cancel();
                };
                return EmulatorCli.Run(args[1..], Console.Out, stop.Token);
            }

            Console.WriteLine("StmNode host: the node loop arrives with the node issue.");
            return 0;
        }
    }
}
