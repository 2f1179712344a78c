using System;

namespace StmNode.IntegrationTests.Fuzz
{
    /// <summary>
    /// How many generated inputs each fuzz property gets: 10^4 in CI, STMNODE_FUZZ_ITERATIONS for the long run
    /// (docs/performance.md). A failure prints CsCheck's seed; CsCheck_Seed=&lt;seed&gt; replays it.
    /// </summary>
    public static class FuzzRun
    {
        public const long CiIterations = 10_000;

        public static long Iterations
        {
            get
            {
                string text = Environment.GetEnvironmentVariable("STMNODE_FUZZ_ITERATIONS");
                return long.TryParse(text, out long n) && n > 0 ? n : CiIterations;
            }
        }
    }
}
