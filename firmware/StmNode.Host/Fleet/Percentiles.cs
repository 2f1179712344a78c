using System;
using System.Globalization;

namespace StmNode.Host.Fleet
{
    /// <summary>Nearest-rank percentiles of latency samples, and their one-line summary.</summary>
    public static class Percentiles
    {
        /// <summary>The p-th percentile (0 &lt; p ≤ 100) of sorted samples by nearest rank; NaN without samples.</summary>
        public static double Of(double[] sorted, double p)
        {
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
        }

        /// <summary>"n=… p50=… p90=… p99=… max=… ms".</summary>
        public static string Describe(double[] samples)
        {
            double[] sorted = (double[])samples.Clone();
            Array.Sort(sorted);
            if (sorted.Length == 0)
            {
                return "n=0";
            }

            return string.Format(CultureInfo.InvariantCulture, "n={0} p50={1:F1} p90={2:F1} p99={3:F1} max={4:F1} ms",
                sorted.Length, Of(sorted, 50), Of(sorted, 90), Of(sorted, 99), sorted[^1]);
        }
    }
}
