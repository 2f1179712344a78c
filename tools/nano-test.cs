// tools/nano-test: builds every nanoFramework project of the repository the way the nanoFramework build does (csc,
// then the MetadataProcessor making each .pe) and runs every NFUnitTest project on nanoCLR. It builds nothing of
// nanoFramework's: the tools and libraries come from a kit given by four environment variables (docs/developing.md,
// "Tests on the real runtime"). Usage: tools/nano-test [--config Debug|Release] [--only <area: Core, Mqtt, At, Modems, Cloud, Node>] [--keep]
// Last line of output: "N passed, N failed".
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

return NanoTest.Run(args);

static class NanoTest
{
    // What the kit must hold (.dll + .pe each): the runtime libraries portable code may use, and the test framework.
    static readonly string[] KitAssemblies =
    {
        "mscorlib", "nanoFramework.Runtime.Events", "nanoFramework.Runtime.Native", "nanoFramework.System.Collections",
        "nanoFramework.System.Text", "System.Math", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher",
    };

    // Device assemblies lowest first, then the app, then the test fakes and the test projects (repository-relative).
    static readonly string[] DeviceProjects =
    {
        "firmware/StmNode.Core/StmNode.Core.nfproj", "firmware/StmNode.Mqtt/StmNode.Mqtt.nfproj",
        "firmware/StmNode.Cloud/StmNode.Cloud.nfproj", "firmware/StmNode.Modems/StmNode.Modems.nfproj",
        "firmware/StmNode.Node/StmNode.Node.nfproj",
    };

    const string AppProject = "firmware/StmNode/StmNode.nfproj";

    // nanoFramework addresses byte code and strings with 16-bit offsets (64 KB each); we keep 25 % headroom.
    const int ByteCodeBudget = 48 * 1024;
    const int StringsBudget = 48 * 1024;
    const int TestTimeoutSeconds = 900;

    static string _root, _clr, _mdp, _kit, _ref, _work, _csc;
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

        _root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
        if (!File.Exists(Path.Combine(_root, "StmNode.sln"))) _root = FindRoot();
        if (!ReadKit()) { Console.WriteLine("0 passed, 1 failed"); return 1; }
        _csc = FindCsc();
        _work = Environment.GetEnvironmentVariable("NF_OUT") ?? Path.Combine(Path.GetTempPath(), "stmnode-nano-test");
        if (Directory.Exists(_work) && !keep) Directory.Delete(_work, true);
        Directory.CreateDirectory(_work);
        Console.WriteLine("nano-test: kit " + _kit + ", refs " + _ref + ", work " + _work);

        string[] testProjects = Directory.GetDirectories(Path.Combine(_root, "tests"))
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".nfproj")).Where(File.Exists)
            .Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        // 1. Every project through csc and the MetadataProcessor, in both configurations.
        var sizes = new List<string>();
        foreach (string config in new[] { "Debug", "Release" })
        {
            var built = new Dictionary<string, string>(StringComparer.Ordinal); // assembly name -> dll
            foreach (string nfproj in DeviceProjects.Concat(new[] { AppProject }).Concat(testProjects))
            {
                Build(nfproj, config, built, sizes);
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
            Project p = Project.Load(Path.Combine(_root, nfproj));
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

    static bool ReadKit()
    {
        _clr = Environment.GetEnvironmentVariable("NF_CLR");
        _mdp = Environment.GetEnvironmentVariable("NF_MDP");
        _kit = Environment.GetEnvironmentVariable("NF_KIT");
        _ref = Environment.GetEnvironmentVariable("NF_REF");
        var missing = new List<string>();
        if (string.IsNullOrEmpty(_clr) || !File.Exists(_clr)) missing.Add("NF_CLR (the nanoCLR executable)");
        if (string.IsNullOrEmpty(_mdp) || !File.Exists(_mdp)) missing.Add("NF_MDP (the MetadataProcessor console .dll, run with dotnet)");
        if (string.IsNullOrEmpty(_kit) || !Directory.Exists(_kit)) missing.Add("NF_KIT (a folder of .dll + .pe pairs)");
        if (string.IsNullOrEmpty(_ref) || !Directory.Exists(_ref)) missing.Add("NF_REF (a folder of reference .dll files for the app's packages)");
        foreach (string a in KitAssemblies)
        {
            if (_kit != null && Directory.Exists(_kit) && (!File.Exists(Path.Combine(_kit, a + ".dll")) || !File.Exists(Path.Combine(_kit, a + ".pe"))))
            {
                missing.Add("NF_KIT/" + a + ".dll and .pe");
            }
        }

        foreach (string m in missing) Console.WriteLine("nano-test: missing " + m + "; see docs/developing.md, \"Tests on the real runtime\".");
        return missing.Count == 0;
    }

    static string FindRoot()
    {
        string dir = Directory.GetCurrentDirectory();
        while (dir != null && !File.Exists(Path.Combine(dir, "StmNode.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("run tools/nano-test inside the repository");
    }

    static string FindCsc()
    {
        // The SDK that runs this tool: <dotnet root>/sdk/<version>/Roslyn/bincore/csc.dll.
        string runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        string version = Exec("dotnet", new[] { "--version" }, _root, 60).Output.Trim();
        string csc = Path.Combine(dotnetRoot, "sdk", version, "Roslyn", "bincore", "csc.dll");
        if (!File.Exists(csc)) throw new FileNotFoundException("the SDK's csc.dll is not at " + csc);
        return csc;
    }

    static void Build(string nfproj, string config, Dictionary<string, string> built, List<string> sizes)
    {
        Project p = Project.Load(Path.Combine(_root, nfproj));
        if (built.ContainsKey(p.AssemblyName) && !p.IsTestProject) return;
        foreach (string dep in p.ProjectReferences) Build(Path.GetRelativePath(_root, dep), config, built, sizes);

        string outDir = Path.Combine(_work, config, p.Name);
        Directory.CreateDirectory(outDir);
        string ext = p.OutputType == "Exe" ? ".exe" : ".dll";
        string dll = Path.Combine(outDir, p.AssemblyName + ext);

        // References: the project's own (kit or NF_REF) and the StmNode assemblies it reaches through project references.
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in p.References)
        {
            string path = new[] { Path.Combine(_kit, name + ".dll"), Path.Combine(_ref, name + ".dll") }.FirstOrDefault(File.Exists);
            if (path == null) { Fail(p.Name + " (" + config + "): reference " + name + " is neither in NF_KIT nor in NF_REF"); return; }
            refs[name] = path;
        }

        foreach (string dep in ClosureOf(p)) refs[dep] = built.TryGetValue(dep, out string d) ? d : null;
        if (refs.Values.Any(v => v == null)) { Fail(p.Name + " (" + config + "): a project it references did not build"); return; }

        var cscArgs = new List<string>
        {
            _csc, "-nologo", "-nostdlib", "-noconfig", "-deterministic", "-nowarn:1591",
            "-target:" + (p.OutputType == "Exe" ? "exe" : "library"), "-langversion:" + p.LangVersion,
            "-define:NANOFRAMEWORK_1_0" + (config == "Debug" ? ";DEBUG;TRACE" : ";TRACE"),
            config == "Debug" ? "-optimize-" : "-optimize+", "-debug:portable", "-out:" + dll,
        };
        cscArgs.AddRange(refs.Values.Select(r => "-r:" + r));
        cscArgs.AddRange(p.Sources(outDir));
        ExecResult csc = Exec("dotnet", cscArgs, _root, 600);
        if (csc.Code != 0)
        {
            Fail(p.Name + " (" + config + "): csc failed\n" + string.Join("\n", csc.Output.Split('\n').Where(l => l.Contains("error")).Take(30)));
            return;
        }

        string pe = Path.ChangeExtension(dll, ".pe");
        var mdpArgs = new List<string> { _mdp };
        foreach (var r in AllLoadHints(refs)) { mdpArgs.Add("-loadHints"); mdpArgs.Add(r.Key); mdpArgs.Add(r.Value); }
        mdpArgs.AddRange(new[] { "-parse", dll, "-compile", pe, "false" });
        ExecResult mdp = Exec("dotnet", mdpArgs, _root, 600);
        if (mdp.Code != 0 || !File.Exists(pe))
        {
            string why = string.Join("\n", mdp.Output.Split('\n').Where(l => l.IndexOf("error", StringComparison.OrdinalIgnoreCase) >= 0 || l.Contains("overflow")).Take(10));
            Fail(p.Name + " (" + config + "): the MetadataProcessor refused it\n" + why);
            return;
        }

        built[p.AssemblyName] = dll;
        int byteCode = TableSize(pe, 13), strings = TableSize(pe, 11);
        sizes.Add(string.Format("{0,-24} {1,-8} {2,8} {3,9} {4,8}", p.Name, config, new FileInfo(pe).Length, byteCode, strings));
        if (byteCode > ByteCodeBudget || strings > StringsBudget)
        {
            Fail(p.Name + " (" + config + "): over budget: byte code " + byteCode + " B, strings " + strings + " B (each at most " + ByteCodeBudget + " B)");
        }
    }

    // A .pe starts with CLR_RECORD_ASSEMBLY: at 40 the start of each of 16 tables (uint32), at 108 each table's
    // padding (byte); 11 is the string table, 13 the byte code (the MetadataProcessor's nanoAssemblyBuilder order).
    static int TableSize(string pe, int table)
    {
        byte[] header = new byte[124];
        using (FileStream f = File.OpenRead(pe)) f.ReadExactly(header, 0, header.Length);
        int start = BitConverter.ToInt32(header, 40 + 4 * table);
        int next = BitConverter.ToInt32(header, 40 + 4 * (table + 1));
        return next - start - header[108 + table];
    }

    // The MetadataProcessor resolves every assembly the input reaches, references of references included.
    static IEnumerable<KeyValuePair<string, string>> AllLoadHints(Dictionary<string, string> refs)
    {
        var all = new Dictionary<string, string>(refs, StringComparer.Ordinal);
        foreach (string a in KitAssemblies) if (!all.ContainsKey(a)) all[a] = Path.Combine(_kit, a + ".dll");
        foreach (string f in Directory.GetFiles(_ref, "*.dll"))
        {
            string name = Path.GetFileNameWithoutExtension(f);
            if (!all.ContainsKey(name)) all[name] = f;
        }

        return all;
    }

    static IEnumerable<string> ClosureOf(Project p)
    {
        var seen = new List<string>();
        var stack = new Stack<string>(p.ProjectReferences);
        while (stack.Count > 0)
        {
            Project dep = Project.Load(stack.Pop());
            if (seen.Contains(dep.AssemblyName)) continue;
            seen.Add(dep.AssemblyName);
            foreach (string d in dep.ProjectReferences) stack.Push(d);
        }

        return seen;
    }

    static void RunTests(Project p, string config, ref int passed, ref int failed)
    {
        string outDir = Path.Combine(_work, config, p.Name);
        string testPe = Path.Combine(outDir, "NFUnitTest.pe");
        if (!File.Exists(testPe)) { Console.WriteLine(string.Format("{0,-24} not built (counted above)", p.Name)); return; }

        var pes = KitAssemblies.Select(a => Path.Combine(_kit, a + ".pe")).ToList();
        foreach (string dep in ClosureOf(p))
        {
            string dir = Path.Combine(_work, config, Project.NameOf(dep));
            pes.Add(Directory.GetFiles(dir, "*.pe").First());
        }

        pes.Add(testPe);
        var sw = Stopwatch.StartNew();
        ExecResult run = Exec(_clr, pes, outDir, TestTimeoutSeconds);
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

    sealed class ExecResult
    {
        public int Code;
        public string Output;
        public bool TimedOut;
    }

    static ExecResult Exec(string file, IEnumerable<string> args, string cwd, int timeoutSeconds)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var proc = Process.Start(psi);
        var output = new System.Text.StringBuilder();
        proc.OutputDataReceived += (s, e) => { if (e.Data != null) lock (output) output.Append(e.Data).Append('\n'); };
        proc.ErrorDataReceived += (s, e) => { if (e.Data != null) lock (output) output.Append(e.Data).Append('\n'); };
        proc.BeginOutputReadLine();
        proc.BeginErrorReadLine();
        bool exited = proc.WaitForExit(timeoutSeconds * 1000);
        if (!exited) { try { proc.Kill(true); } catch (InvalidOperationException) { } }
        proc.WaitForExit();
        return new ExecResult { Code = exited ? proc.ExitCode : -1, Output = output.ToString(), TimedOut = !exited };
    }

    /// <summary>What tools/nano-test needs of a .nfproj: its name, kind, sources (shared lists included) and references.</summary>
    sealed class Project
    {
        public string Dir, Name, AssemblyName, OutputType, LangVersion;
        public bool IsTestProject;
        public List<string> Compiles = new List<string>();
        public List<string> References = new List<string>();
        public List<string> ProjectReferences = new List<string>();

        static readonly Dictionary<string, Project> Cache = new Dictionary<string, Project>(StringComparer.Ordinal);

        public static string NameOf(string assemblyName)
        {
            foreach (Project p in Cache.Values) if (p.AssemblyName == assemblyName && !p.IsTestProject) return p.Name;
            throw new InvalidOperationException("no project builds " + assemblyName);
        }

        public static Project Load(string path)
        {
            path = Path.GetFullPath(path);
            if (Cache.TryGetValue(path, out Project cached)) return cached;
            XDocument doc = XDocument.Load(path);
            List<XElement> all = doc.Descendants().ToList();
            string Value(string n) => all.Where(e => e.Name.LocalName == n).Select(e => e.Value.Trim()).FirstOrDefault();
            var p = new Project
            {
                Dir = Path.GetDirectoryName(path), Name = Path.GetFileNameWithoutExtension(path),
                AssemblyName = Value("AssemblyName"), OutputType = Value("OutputType") ?? "Library",
                IsTestProject = Value("AssemblyName") == "NFUnitTest",
            };
            p.LangVersion = LangVersionOf(p.Dir) ?? "9.0";
            foreach (XElement e in all)
            {
                string include = (string)e.Attribute("Include");
                switch (e.Name.LocalName)
                {
                    case "Compile": p.Compiles.Add(Path.Combine(p.Dir, Local(include))); break;
                    case "Reference": p.References.Add(include.Split(',')[0].Trim()); break;
                    case "ProjectReference": p.ProjectReferences.Add(Path.GetFullPath(Path.Combine(p.Dir, Local(include)))); break;
                    case "Import":
                        string project = (string)e.Attribute("Project") ?? "";
                        if (project.EndsWith(".projitems", StringComparison.Ordinal))
                        {
                            string items = Path.GetFullPath(Path.Combine(p.Dir, Local(project)));
                            string itemsDir = Path.GetDirectoryName(items);
                            foreach (XElement c in XDocument.Load(items).Descendants().Where(x => x.Name.LocalName == "Compile"))
                            {
                                p.Compiles.Add(Path.Combine(itemsDir, Local(((string)c.Attribute("Include")).Replace("$(MSBuildThisFileDirectory)", ""))));
                            }
                        }

                        break;
                }
            }

            Cache[path] = p;
            return p;
        }

        /// <summary>The sources to compile; a missing Secrets.cs is replaced by the committed template (compile check only).</summary>
        public IEnumerable<string> Sources(string outDir)
        {
            foreach (string c in Compiles)
            {
                if (!File.Exists(c) && Path.GetFileName(c) == "Secrets.cs")
                {
                    string stand = Path.Combine(outDir, "Secrets.cs");
                    File.Copy(Path.Combine(Path.GetDirectoryName(c), "Secrets.example.cs"), stand, true);
                    yield return stand;
                }
                else
                {
                    yield return c;
                }
            }
        }

        static string Local(string msbuildPath)
        {
            return msbuildPath.Replace('\\', Path.DirectorySeparatorChar);
        }

        static string LangVersionOf(string dir)
        {
            for (string d = dir; d != null; d = Path.GetDirectoryName(d))
            {
                string props = Path.Combine(d, "nfproj.props");
                if (File.Exists(props))
                {
                    Match m = Regex.Match(File.ReadAllText(props), "<LangVersion>([^<]+)</LangVersion>");
                    return m.Success ? m.Groups[1].Value : null;
                }
            }

            return null;
        }
    }
}
