using BenchmarkDotNet.Running;

namespace StmNode.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortRunConfig());
            return 0;
        }
    }
}
