// tools/nano-bench: builds tests/StmNode.NanoBench (Release) with the real MetadataProcessor, runs it on nanoCLR and
// prints, per group, microseconds and bytes allocated per operation for StmNode and its peers with the ratio, then the
// live bytes of the device's worst state against the heap budget. The kit is tools/nano-test's (NF_CLR, NF_MDP,
// NF_KIT, NF_REF); NF_PEERS names a folder with the benchmark-only peers NF_REF lacks (nanoFramework.Json), and
// NF_BENCH_CLR, if set, the command that runs nanoCLR for the benchmark instead of NF_CLR (a 32-bit build, whose
// 12-byte heap blocks are the ESP32's, e.g. "qemu-i386 -L / /path/to/nanoclr").
// Usage: tools/nano-bench [--budget <bytes>]. Exit code 1 if the run failed or the worst state is over budget.
#:include nano-kit.cs
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

return NanoBench.Run(args);

static class NanoBench
{
    const string BenchProject = "tests/StmNode.NanoBench/StmNode.NanoBench.nfproj";
    const string AppProject = "firmware/StmNode/StmNode.nfproj";
    const int RunTimeoutSeconds = 3600;

    // The live heap the whole device may keep in its worst state: a 79 KB heap (the smallest nanoFramework's ESP32
    // target is reported to leave) less 20 KB of headroom for what a running node allocates and collects.
    const int DefaultBudget = 60 * 1024;

    public static int Run(string[] args)
    {
        int budget = DefaultBudget;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--budget" && i + 1 < args.Length) budget = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine("usage: tools/nano-bench [--budget <bytes>]"); return 2; }
        }

        if (!NanoKit.Open("nano-bench", "stmnode-nano-bench")) return 1;
        string peers = Environment.GetEnvironmentVariable("NF_PEERS");
        if (!string.IsNullOrEmpty(peers)) NanoKit.ExtraRefDirs.Add(peers);
        bool failed = false;
        NanoKit.Fail = m => { failed = true; Console.WriteLine("FAILED: " + m); };
        if (Directory.Exists(NanoKit.Work)) Directory.Delete(NanoKit.Work, true);
        Directory.CreateDirectory(NanoKit.Work);
        Console.WriteLine("nano-bench: kit " + NanoKit.Kit + ", refs " + NanoKit.Ref + (peers != null ? ", peers " + peers : "") + ", work " + NanoKit.Work);

        var built = new Dictionary<string, string>(StringComparer.Ordinal);
        var sizes = new List<string>();
        NanoKit.Build(BenchProject, "Release", built, sizes);
        NanoKit.Build(AppProject, "Release", built, sizes);
        if (failed) return 1;

        // The bench and what it loads: the kit's runtime (not the test launcher, whose Main would run instead), the
        // StmNode assemblies, and every other referenced library converted from its .dll.
        NanoKit.Project bench = NanoKit.Project.Load(Path.Combine(NanoKit.Root, BenchProject));
        var pes = new List<string>();
        foreach (string a in NanoKit.KitAssemblies.Where(a => a != "nanoFramework.UnitTestLauncher")) pes.Add(Path.Combine(NanoKit.Kit, a + ".pe"));
        foreach (string dep in NanoKit.ClosureOf(bench)) pes.Add(Path.ChangeExtension(built[dep], ".pe"));
        foreach (string reference in bench.References.Where(r => !NanoKit.KitAssemblies.Contains(r)))
        {
            string pe = Convert(reference);
            if (pe == null) return 1;
            pes.Add(pe);
        }

        pes.Add(Path.ChangeExtension(built[bench.AssemblyName], ".pe"));
        Console.WriteLine("nano-bench: running on nanoCLR (a few minutes)");
        var run = RunClr(pes, RunTimeoutSeconds);
        File.WriteAllText(Path.Combine(NanoKit.Work, "nanoclr.log"), run.Output);
        string[] lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (!lines.Contains("bench|end") || run.TimedOut)
        {
            Console.WriteLine("FAILED: the run did not finish" + (run.TimedOut ? " (timed out)" : "") + "; see " + Path.Combine(NanoKit.Work, "nanoclr.log"));
            foreach (string l in lines.TakeLast(20)) Console.WriteLine("  " + l);
            return 1;
        }

        PrintResults(lines);
        foreach (string e in lines.Where(l => l.StartsWith("error|", StringComparison.Ordinal)))
        {
            Console.WriteLine("FAILED: " + e.Substring(6));
            failed = true;
        }

        int libraries = AppLibrariesRam(lines);
        failed |= !PrintLive(lines, libraries, budget);
        return failed ? 1 : 0;
    }

    static NanoKit.ExecResult RunClr(List<string> pes, int timeoutSeconds)
    {
        string[] command = (Environment.GetEnvironmentVariable("NF_BENCH_CLR") ?? NanoKit.Clr).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return NanoKit.Exec(command[0], command.Skip(1).Concat(pes), NanoKit.Work, timeoutSeconds);
    }

    // A referenced library outside the kit, converted from NF_REF or NF_PEERS with the MetadataProcessor.
    static string Convert(string assembly)
    {
        string dll = new[] { NanoKit.Ref }.Concat(NanoKit.ExtraRefDirs).Select(d => Path.Combine(d, assembly + ".dll")).FirstOrDefault(File.Exists);
        if (dll == null)
        {
            Console.WriteLine("FAILED: " + assembly + ".dll is neither in NF_REF nor in NF_PEERS (a benchmark-only peer: see docs/performance.md, \"On the nanoFramework runtime\")");
            return null;
        }

        string dir = Path.Combine(NanoKit.Work, "libraries");
        Directory.CreateDirectory(dir);
        string pe = Path.Combine(dir, assembly + ".pe");
        if (File.Exists(pe)) return pe;
        var args = new List<string> { NanoKit.Mdp };
        foreach (string f in NanoKit.KitAssemblies.Select(a => Path.Combine(NanoKit.Kit, a + ".dll"))
                     .Concat(new[] { NanoKit.Ref }.Concat(NanoKit.ExtraRefDirs).SelectMany(d => Directory.GetFiles(d, "*.dll"))))
        {
            args.Add("-loadHints");
            args.Add(Path.GetFileNameWithoutExtension(f));
            args.Add(f);
        }

        args.AddRange(new[] { "-parse", dll, "-compile", pe, "false" });
        var mdp = NanoKit.Exec("dotnet", args, NanoKit.Root, 600);
        if (mdp.Code != 0 || !File.Exists(pe))
        {
            Console.WriteLine("FAILED: the MetadataProcessor refused " + dll);
            return null;
        }

        return pe;
    }

    sealed class Result
    {
        public string Group, Name, Bytes;
        public double Us;
        public int PerOp;
    }

    static void PrintResults(string[] lines)
    {
        var results = lines.Where(l => l.StartsWith("result|", StringComparison.Ordinal)).Select(l => l.Split('|')).Select(f => new Result
        {
            Group = f[1], Name = f[2], Us = double.Parse(f[3], CultureInfo.InvariantCulture), Bytes = f[4], PerOp = int.Parse(f[5], CultureInfo.InvariantCulture),
        }).ToList();
        Console.WriteLine();
        Console.WriteLine("## hot paths on nanoCLR (one run; ratio = StmNode time / the group's first row, < 1 is faster)");
        Console.WriteLine(string.Format("{0,-28} {1,-54} {2,12} {3,8} {4,12}", "group", "implementation", "µs/op", "ratio", "bytes/op"));
        foreach (var group in results.GroupBy(r => r.Group))
        {
            Result baseline = group.First();
            foreach (Result r in group)
            {
                string ratio = r == baseline || !r.Name.StartsWith("StmNode", StringComparison.Ordinal) ? "" : (r.Us / baseline.Us).ToString("F2", CultureInfo.InvariantCulture) + "×";
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,-54} {2,12:F2} {3,8} {4,12}", r.Group, r.Name, r.Us, ratio, Bytes(r.Bytes)));
            }
        }

        foreach (Result r in results.Where(r => r.PerOp > 1))
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "per byte received, {0}: {1:F3} µs, {2} B", r.Name, r.Us / r.PerOp, PerByte(r.Bytes, r.PerOp)));
        }
    }

    static string Bytes(string measured)
    {
        return measured.StartsWith("<", StringComparison.Ordinal) ? "< " + measured.Substring(1) : measured.Substring(1);
    }

    static string PerByte(string measured, int perOp)
    {
        double v = double.Parse(measured.Substring(1), CultureInfo.InvariantCulture) / perOp;
        return (measured[0] == '<' ? "< " : "") + v.ToString("F2", CultureInfo.InvariantCulture);
    }

    // nanoCLR prints "Assembly: <name> (<version>)  (<n> RAM - ...)" as it loads each assembly: the RAM is the heap
    // its type system takes. The app's libraries are its references and the StmNode assemblies (the app's own small
    // .exe is not loaded here).
    static int AppLibrariesRam(string[] lines)
    {
        NanoKit.Project app = NanoKit.Project.Load(Path.Combine(NanoKit.Root, AppProject));
        var names = new HashSet<string>(app.References.Concat(NanoKit.ClosureOf(app)), StringComparer.Ordinal);
        var ram = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string l in lines)
        {
            Match m = Regex.Match(l, @"Assembly: (\S+) \([^)]*\)\s+\((\d+) RAM");
            if (m.Success) ram[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        int total = 0;
        var missing = new List<string>();
        foreach (string n in names)
        {
            if (ram.TryGetValue(n, out int r)) total += r;
            else missing.Add(n);
        }

        total += LoadOnly(missing);
        return total;
    }

    // The RAM of the app's libraries the bench does not load (GPIO, Wi-Fi, the DHT driver, …): loaded on their own.
    static int LoadOnly(List<string> assemblies)
    {
        if (assemblies.Count == 0) return 0;
        var pes = new List<string> { Path.Combine(NanoKit.Kit, "mscorlib.pe") };
        var wanted = new HashSet<string>(assemblies, StringComparer.Ordinal);
        foreach (string f in new[] { NanoKit.Ref }.Concat(NanoKit.ExtraRefDirs).SelectMany(d => Directory.GetFiles(d, "*.dll")))
        {
            string name = Path.GetFileNameWithoutExtension(f);
            if (name == "mscorlib") continue;
            string pe = NanoKit.KitAssemblies.Contains(name) ? Path.Combine(NanoKit.Kit, name + ".pe") : Convert(name);
            if (pe != null) pes.Add(pe);
        }

        var run = RunClr(pes.Distinct().ToList(), 300);
        int total = 0;
        foreach (string l in run.Output.Split('\n'))
        {
            Match m = Regex.Match(l, @"Assembly: (\S+) \([^)]*\)\s+\((\d+) RAM");
            if (m.Success && wanted.Remove(m.Groups[1].Value)) total += int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        foreach (string n in wanted) Console.WriteLine("nano-bench: note: " + n + " did not load; its RAM is not counted");
        return total;
    }

    static bool PrintLive(string[] lines, int libraries, int budget)
    {
        Console.WriteLine();
        Console.WriteLine("## live heap in the worst state (bytes after a full collection; nanoCLR " + (Environment.GetEnvironmentVariable("NF_BENCH_CLR") ?? NanoKit.Clr) + ")");
        Console.WriteLine(string.Format("{0,-60} {1,10}", "app libraries (RAM nanoCLR reports at load)", libraries));
        int total = libraries;
        foreach (string l in lines.Where(l => l.StartsWith("live|", StringComparison.Ordinal)))
        {
            string[] f = l.Split('|');
            int bytes = int.Parse(f[2], CultureInfo.InvariantCulture);
            total += bytes;
            Console.WriteLine(string.Format("{0,-60} {1,10}", f[1], bytes));
        }

        bool ok = total <= budget;
        Console.WriteLine(string.Format("{0,-60} {1,10}", "total", total));
        Console.WriteLine((ok ? "within" : "OVER") + " the budget of " + budget + " B" + (ok ? "" : ": FAILED"));
        return ok;
    }
}
