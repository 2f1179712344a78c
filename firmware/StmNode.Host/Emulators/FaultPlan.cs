#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// A fault setup written as text, for the host CLI and for tests: entries separated by ';', e.g.
    /// <c>seed=7;chunks=random;prompt-delay=200;fail=AT+QMTSUB|+CME ERROR: 50;reboot-on-publish</c>.
    /// Entries: <c>seed=N</c>, <c>chunks=none|bytes|random</c>, <c>prompt-delay=MS</c>, <c>no-prompt</c>,
    /// <c>fail=PREFIX|REPLY[|TIMES]</c> (TIMES 0 = always), <c>reboot-on-publish</c>.
    /// </summary>
    public sealed class FaultPlan
    {
        private readonly List<string[]> _failures = new List<string[]>();

        private FaultPlan()
        {
        }

        public int? Seed { get; private set; }

        public OutputChunking Chunking { get; private set; }

        public int PromptDelayMs { get; private set; }

        public bool DropPrompt { get; private set; }

        public bool RebootOnPublish { get; private set; }

        /// <summary>Command failures: prefix, reply, times.</summary>
        public IReadOnlyList<string[]> Failures => _failures;

        /// <summary>Parses a plan; on bad input returns false with a message naming the bad entry.</summary>
        public static bool TryParse(string spec, out FaultPlan plan, out string error)
        {
            plan = new FaultPlan();
            error = string.Empty;
            foreach (string raw in (spec ?? string.Empty).Split(';'))
            {
                string entry = raw.Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                int eq = entry.IndexOf('=');
                string key = (eq < 0 ? entry : entry.Substring(0, eq)).Trim().ToLowerInvariant();
                string value = eq < 0 ? string.Empty : entry.Substring(eq + 1);
                if (!plan.Apply(key, value))
                {
                    error = "bad fault entry '" + entry + "'";
                    return false;
                }
            }

            return true;
        }

        /// <summary>Arms the plan on an emulator's injector.</summary>
        public void ApplyTo(FaultInjector faults)
        {
            if (Seed.HasValue)
            {
                faults.Reseed(Seed.Value);
            }

            faults.Chunking = Chunking;
            faults.PromptDelayMs = PromptDelayMs;
            faults.DropPrompt = DropPrompt;
            foreach (string[] failure in _failures)
            {
                faults.FailCommand(failure[0], failure[1], int.Parse(failure[2], CultureInfo.InvariantCulture));
            }

            if (RebootOnPublish)
            {
                faults.RebootDuringNextPayload();
            }
        }

        private static bool TryNumber(string text, out int value)
        {
            return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private bool Apply(string key, string value)
        {
            int number;
            switch (key)
            {
                case "seed":
                    if (!TryNumber(value, out number))
                    {
                        return false;
                    }

                    Seed = number;
                    return true;
                case "chunks":
                    switch (value.Trim().ToLowerInvariant())
                    {
                        case "none":
                            Chunking = OutputChunking.None;
                            return true;
                        case "bytes":
                            Chunking = OutputChunking.ByteByByte;
                            return true;
                        case "random":
                            Chunking = OutputChunking.RandomChunks;
                            return true;
                        default:
                            return false;
                    }

                case "prompt-delay":
                    if (!TryNumber(value, out number))
                    {
                        return false;
                    }

                    PromptDelayMs = number;
                    return true;
                case "no-prompt":
                    DropPrompt = value.Length == 0;
                    return DropPrompt;
                case "reboot-on-publish":
                    RebootOnPublish = value.Length == 0;
                    return RebootOnPublish;
                case "fail":
                    string[] parts = value.Split('|');
                    if (parts.Length < 2 || parts.Length > 3 || !parts[0].StartsWith("AT", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
                    {
                        return false;
                    }

                    int times = 1;
                    if (parts.Length == 3 && !TryNumber(parts[2], out times))
                    {
                        return false;
                    }

                    _failures.Add(new[] { parts[0], parts[1], times.ToString(CultureInfo.InvariantCulture) });
                    return true;
                default:
                    return false;
            }
        }
    }
}
