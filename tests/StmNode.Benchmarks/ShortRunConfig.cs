using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// One short job for every benchmark (3 warm-ups, 8 measured iterations, in-process so no extra project is
    /// generated and built) so the whole suite finishes in a few minutes on two cores; memory diagnoser on; ratios
    /// against each class's baseline.
    /// </summary>
    public sealed class ShortRunConfig : ManualConfig
    {
        public ShortRunConfig()
        {
            AddJob(Job.Default
                .WithWarmupCount(3)
                .WithIterationCount(8)
                .WithLaunchCount(1)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Short"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(BaselineRatioColumn.RatioMean);
            WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
            WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            // Default loggers, exporters and columns (GitHub markdown report under BenchmarkDotNet.Artifacts/results).
            AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
            AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
            AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
        }
    }
}
