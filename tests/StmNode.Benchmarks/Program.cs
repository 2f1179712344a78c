using BenchmarkDotNet.Running;

namespace StmNode.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "--wire")
            {
                WireReport.Run();
                return 0;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortRunConfig());
            return 0;
        }
    }
}
