using System;
using System.Collections;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace StmNode.NanoBench
{
    /// <summary>One benchmarked operation.</summary>
    public delegate int BenchOp();

    /// <summary>
    /// Times an operation and counts the heap it allocates, on the runtime it runs on. Time: the operation repeated
    /// until at least <see cref="MinMeasureTicks"/> have passed (DateTime ticks, 100 ns). Allocation: nanoCLR has no
    /// allocation counter and collects only when an allocation does not fit, so the free heap after a full collection
    /// (<c>GC.Run</c>) is narrowed by ballast to a window, and the operation repeats until the first collection (seen
    /// through a weak reference); bytes per op = free window / ops until then. Printed as one line per result, which
    /// tools/nano-bench reads.
    /// </summary>
    public static class Bench
    {
        public const long MinMeasureTicks = 2000000; // 0.2 s
        public const int Window = 16 * 1024;
        public const int MaxAllocationOps = 300;
        private const int BallastChunk = 16 * 1024;

        /// <summary>Runs and prints one result: group (what is done), implementation, time per op and bytes per op.</summary>
        public static void Run(string group, string implementation, BenchOp op, int perOp)
        {
            int check = op(); // warm up, and the result must not be optimised away
            double us = MicrosecondsPerOp(op);
            string bytes = BytesPerOp(op);
            Console.WriteLine("result|" + group + "|" + implementation + "|" + us.ToString("F2") + "|" + bytes + "|" + perOp + "|" + check);
        }

        public static double MicrosecondsPerOp(BenchOp op)
        {
            int n = 1;
            while (true)
            {
                long start = DateTime.UtcNow.Ticks;
                for (int i = 0; i < n; i++)
                {
                    op();
                }

                long elapsed = DateTime.UtcNow.Ticks - start;
                if (elapsed >= MinMeasureTicks)
                {
                    return elapsed / 10.0 / n;
                }

                n = elapsed < MinMeasureTicks / 16 ? n * 8 : n * 2;
            }
        }

        /// <summary>"=N" bytes measured, or "&lt;N" when no collection came within the op limit (N is then the bound).</summary>
        public static string BytesPerOp(BenchOp op)
        {
            int window = Window;
            while (true)
            {
                ArrayList ballast = new ArrayList();
                uint free = FillTo(ballast, window);
                WeakReference canary = new WeakReference(new object());
                int n = 0;
                bool tooSmall = false;
                try
                {
                    while (canary.IsAlive && n < MaxAllocationOps)
                    {
                        op();
                        n++;
                    }
                }
                catch (OutOfMemoryException)
                {
                    // One op needs more than the window at once: measure again with a wider one.
                    tooSmall = true;
                }

                bool collected = !canary.IsAlive;
                ballast.Clear();
                NativeGC.Run(false);
                if (tooSmall)
                {
                    window *= 4;
                    continue;
                }

                if (!collected)
                {
                    return "<" + (free / (uint)MaxAllocationOps + 1);
                }

                if (n >= 20 || window >= 4 * 1024 * 1024)
                {
                    return "=" + (free / (uint)n);
                }

                window *= 8;
            }
        }

        /// <summary>The heap in use (bytes) after a full collection: total heap minus free.</summary>
        public static uint FreeAfterCollection()
        {
            return NativeGC.Run(false);
        }

        // Ballast in chunks (one object is limited to 64 K heap blocks) until about `window` bytes stay free.
        private static uint FillTo(ArrayList ballast, int window)
        {
            uint free = NativeGC.Run(false);
            while (free > window + BallastChunk + 4096)
            {
                ballast.Add(new byte[BallastChunk]);
                free = NativeGC.Run(false);
            }

            if (free > window + 4096)
            {
                ballast.Add(new byte[(int)(free - window - 2048)]);
                free = NativeGC.Run(false);
            }

            return free;
        }
    }
}
