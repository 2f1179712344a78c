// tools/nano-test: builds every nanoFramework project of the repository the way the nanoFramework build does (csc,
// then the MetadataProcessor making each .pe) and runs every NFUnitTest project on nanoCLR. It builds nothing of
// nanoFramework's: the tools and libraries come from a kit given by four environment variables (docs/developing.md,
// "Tests on the real runtime"). Usage: tools/nano-test [--config Debug|Release] [--only <area: Core, Mqtt, At, Modems, Cloud, Node>] [--keep]
// Last line of output: "N passed, N failed".
#:include nano-kit.cs
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

return NanoTest.Run(args);

static class NanoTest
{
    // Device assemblies lowest first, then the app, then the test fakes and the test projects (repository-relative).
    static readonly string[] DeviceProjects =
    {
        "firmware/StmNode.Core/StmNode.Core.nfproj", "firmware/StmNode.Mqtt/StmNode.Mqtt.nfproj",
        "firmware/StmNode.Cloud/StmNode.Cloud.nfproj", "firmware/StmNode.Modems/StmNode.Modems.nfproj",
        "firmware/StmNode.Node/StmNode.Node.nfproj",
    };

    const string AppProject = "firmware/StmNode/StmNode.nfproj";

    const int TestTimeoutSeconds = 900;

    static readonly List<string> Failures = new List<string>();

    public static int Run(string[] args)
    {
        string onlyTests = null;
        string runConfig = "Debug";
        bool keep = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Length) runConfig = args[++i];
            else if (args[i] == "--only" && i + 1 < args.Length) onlyTests = args[++i];
            else if (args[i] == "--keep") keep = true;
            else { Console.Error.WriteLine("usage: tools/nano-test [--config Debug|Release] [--only <area: Core, Mqtt, At, Modems, Cloud, Node>] [--keep]"); return 2; }
        }

        if (!NanoKit.Open("nano-test", "stmnode-nano-test")) { Console.WriteLine("0 passed, 1 failed"); return 1; }
        NanoKit.Fail = Fail;
        if (Directory.Exists(NanoKit.Work) && !keep) Directory.Delete(NanoKit.Work, true);
        Directory.CreateDirectory(NanoKit.Work);
        Console.WriteLine("nano-test: kit " + NanoKit.Kit + ", refs " + NanoKit.Ref + ", work " + NanoKit.Work);

        // The NFUnitTest projects (tools/nano-bench builds the benchmark program, whose peers are not in the kit).
        string[] testProjects = Directory.GetDirectories(Path.Combine(NanoKit.Root, "tests"))
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".nfproj")).Where(File.Exists)
            .Where(p => NanoKit.Project.Load(p).OutputType != "Exe")
            .Select(p => Path.GetRelativePath(NanoKit.Root, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        // 1. Every project through csc and the MetadataProcessor, in both configurations.
        var sizes = new List<string>();
        foreach (string config in new[] { "Debug", "Release" })
        {
            var built = new Dictionary<string, string>(StringComparer.Ordinal); // assembly name -> dll
            foreach (string nfproj in DeviceProjects.Concat(new[] { AppProject }).Concat(testProjects))
            {
                NanoKit.Build(nfproj, config, built, sizes);
            }
        }

        Console.WriteLine();
        Console.WriteLine("## .pe files (bytes; byte code and strings are the tables nanoFramework limits to 64 KB, budget 48 KB)");
        Console.WriteLine(string.Format("{0,-24} {1,-8} {2,8} {3,9} {4,8}", "assembly", "config", ".pe", "bytecode", "strings"));
        foreach (string line in sizes) Console.WriteLine(line);

        // 2. Every test project on nanoCLR.
        int passed = 0, failed = 0;
        Console.WriteLine();
        Console.WriteLine("## tests on nanoCLR (" + runConfig + ")");
        foreach (string nfproj in testProjects)
        {
            NanoKit.Project p = NanoKit.Project.Load(Path.Combine(NanoKit.Root, nfproj));
            if (!p.IsTestProject || (onlyTests != null && !string.Equals(p.Name, "StmNode." + onlyTests + ".Tests", StringComparison.OrdinalIgnoreCase))) continue;
            RunTests(p, runConfig, ref passed, ref failed);
        }

        if (Failures.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("## failures");
            foreach (string f in Failures) Console.WriteLine(f);
        }

        failed += _buildFailures;
        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    static void RunTests(NanoKit.Project p, string config, ref int passed, ref int failed)
    {
        string outDir = Path.Combine(NanoKit.Work, config, p.Name);
        string testPe = Path.Combine(outDir, "NFUnitTest.pe");
        if (!File.Exists(testPe)) { Console.WriteLine(string.Format("{0,-24} not built (counted above)", p.Name)); return; }

        var pes = NanoKit.KitAssemblies.Select(a => Path.Combine(NanoKit.Kit, a + ".pe")).ToList();
        foreach (string dep in NanoKit.ClosureOf(p))
        {
            string dir = Path.Combine(NanoKit.Work, config, NanoKit.Project.NameOf(dep));
            pes.Add(Directory.GetFiles(dir, "*.pe").First());
        }

        pes.Add(testPe);
        var sw = Stopwatch.StartNew();
        NanoKit.ExecResult run = NanoKit.Exec(NanoKit.Clr, pes, outDir, TestTimeoutSeconds);
        File.WriteAllText(Path.Combine(outDir, "nanoclr.log"), run.Output);
        int ok = 0, bad = 0;
        foreach (string line in run.Output.Split('\n'))
        {
            string l = line.TrimEnd('\r');
            if (l.StartsWith("Test passed,", StringComparison.Ordinal)) ok++;
            else if (l.StartsWith("Test failed,", StringComparison.Ordinal) || l.StartsWith("Test skipped,", StringComparison.Ordinal))
            {
                bad++;
                Failures.Add(p.Name + ": " + l);
            }
        }

        // nanoCLR exits 0 whatever happened: a run that did not load, hung or stopped early is a failure of its own.
        bool ready = run.Output.Contains("Ready.");
        bool done = run.Output.Contains("Done.");
        string note = "";
        if (!ready || !done || run.TimedOut)
        {
            bad++;
            note = run.TimedOut ? " (timed out)" : !ready ? " (did not load, see " + Path.Combine(outDir, "nanoclr.log") + ")" : " (stopped before the end)";
            Failures.Add(p.Name + ": nanoCLR run incomplete" + note + "\n" + string.Join("\n", run.Output.Split('\n').Where(l => !l.StartsWith("Test ")).TakeLast(15)));
        }

        passed += ok;
        failed += bad;
        Console.WriteLine(string.Format("{0,-24} {1,5} passed, {2,3} failed  {3,6:F1} s{4}", p.Name, ok, bad, sw.Elapsed.TotalSeconds, note));
    }

    // A project that does not compile, convert or fit its budget counts as one failure: the last line never hides it.
    static int _buildFailures;

    static void Fail(string message)
    {
        _buildFailures++;
        Failures.Add(message);
        Console.WriteLine("FAILED: " + message.Split('\n')[0]);
    }
}
