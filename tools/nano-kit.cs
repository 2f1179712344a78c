// tools/nano-kit.cs: what tools/nano-test and tools/nano-bench share: reading the kit (NF_CLR, NF_MDP, NF_KIT, NF_REF;
// docs/developing.md, "Tests on the real runtime"), reading a .nfproj, building it the way the nanoFramework build does
// (csc, then the MetadataProcessor making the .pe) and running processes. Included by both with #:include.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

static class NanoKit
{
    // What the kit must hold (.dll + .pe each): the runtime libraries portable code may use, and the test framework.
    public static readonly string[] KitAssemblies =
    {
        "mscorlib", "nanoFramework.Runtime.Events", "nanoFramework.Runtime.Native", "nanoFramework.System.Collections",
        "nanoFramework.System.Text", "System.Math", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher",
    };

    // nanoFramework addresses byte code and strings with 16-bit offsets (64 KB each); we keep 25 % headroom.
    public const int ByteCodeBudget = 48 * 1024;
    public const int StringsBudget = 48 * 1024;

    public static string Root, Clr, Mdp, Kit, Ref, Work, Csc;

    /// <summary>Folders searched for references after NF_KIT and NF_REF (tools/nano-bench adds its peers' folder).</summary>
    public static readonly List<string> ExtraRefDirs = new List<string>();

    /// <summary>Called with each failure to build, convert or fit the budget (first line is the summary).</summary>
    public static Action<string> Fail = m => Console.WriteLine("FAILED: " + m.Split('\n')[0]);

    /// <summary>Finds the repository, reads the kit and the SDK's csc; false (after saying what is missing) if the kit is incomplete.</summary>
    public static bool Open(string tool, string defaultWork)
    {
        Root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
        if (!File.Exists(Path.Combine(Root, "StmNode.sln"))) Root = FindRoot(tool);
        if (!ReadKit(tool)) return false;
        Csc = FindCsc();
        Work = Environment.GetEnvironmentVariable("NF_OUT") ?? Path.Combine(Path.GetTempPath(), defaultWork);
        return true;
    }

    static bool ReadKit(string tool)
    {
        Clr = Environment.GetEnvironmentVariable("NF_CLR");
        Mdp = Environment.GetEnvironmentVariable("NF_MDP");
        Kit = Environment.GetEnvironmentVariable("NF_KIT");
        Ref = Environment.GetEnvironmentVariable("NF_REF");
        var missing = new List<string>();
        if (string.IsNullOrEmpty(Clr) || !File.Exists(Clr)) missing.Add("NF_CLR (the nanoCLR executable)");
        if (string.IsNullOrEmpty(Mdp) || !File.Exists(Mdp)) missing.Add("NF_MDP (the MetadataProcessor console .dll, run with dotnet)");
        if (string.IsNullOrEmpty(Kit) || !Directory.Exists(Kit)) missing.Add("NF_KIT (a folder of .dll + .pe pairs)");
        if (string.IsNullOrEmpty(Ref) || !Directory.Exists(Ref)) missing.Add("NF_REF (a folder of reference .dll files for the app's packages)");
        foreach (string a in KitAssemblies)
        {
            if (Kit != null && Directory.Exists(Kit) && (!File.Exists(Path.Combine(Kit, a + ".dll")) || !File.Exists(Path.Combine(Kit, a + ".pe"))))
            {
                missing.Add("NF_KIT/" + a + ".dll and .pe");
            }
        }

        foreach (string m in missing) Console.WriteLine(tool + ": missing " + m + "; see docs/developing.md, \"Tests on the real runtime\".");
        return missing.Count == 0;
    }

    static string FindRoot(string tool)
    {
        string dir = Directory.GetCurrentDirectory();
        while (dir != null && !File.Exists(Path.Combine(dir, "StmNode.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("run tools/" + tool + " inside the repository");
    }

    static string FindCsc()
    {
        // The SDK that runs this tool: <dotnet root>/sdk/<version>/Roslyn/bincore/csc.dll.
        string runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        string version = Exec("dotnet", new[] { "--version" }, Root, 60).Output.Trim();
        string csc = Path.Combine(dotnetRoot, "sdk", version, "Roslyn", "bincore", "csc.dll");
        if (!File.Exists(csc)) throw new FileNotFoundException("the SDK's csc.dll is not at " + csc);
        return csc;
    }

    public static void Build(string nfproj, string config, Dictionary<string, string> built, List<string> sizes)
    {
        Project p = Project.Load(Path.Combine(Root, nfproj));
        if (built.ContainsKey(p.AssemblyName) && !p.IsTestProject) return;
        foreach (string dep in p.ProjectReferences) Build(Path.GetRelativePath(Root, dep), config, built, sizes);

        string outDir = Path.Combine(Work, config, p.Name);
        Directory.CreateDirectory(outDir);
        string ext = p.OutputType == "Exe" ? ".exe" : ".dll";
        string dll = Path.Combine(outDir, p.AssemblyName + ext);

        // References: the project's own (kit or NF_REF) and the StmNode assemblies it reaches through project references.
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in p.References)
        {
            string path = new[] { Kit, Ref }.Concat(ExtraRefDirs).Select(d => Path.Combine(d, name + ".dll")).FirstOrDefault(File.Exists);
            if (path == null) { Fail(p.Name + " (" + config + "): reference " + name + " is neither in NF_KIT nor in NF_REF" + (ExtraRefDirs.Count > 0 ? " nor in " + string.Join(", ", ExtraRefDirs) : "")); return; }
            refs[name] = path;
        }

        foreach (string dep in ClosureOf(p)) refs[dep] = built.TryGetValue(dep, out string d) ? d : null;
        if (refs.Values.Any(v => v == null)) { Fail(p.Name + " (" + config + "): a project it references did not build"); return; }

        var cscArgs = new List<string>
        {
            Csc, "-nologo", "-nostdlib", "-noconfig", "-deterministic", "-nowarn:1591",
            "-target:" + (p.OutputType == "Exe" ? "exe" : "library"), "-langversion:" + p.LangVersion,
            "-define:NANOFRAMEWORK_1_0" + (config == "Debug" ? ";DEBUG;TRACE" : ";TRACE"),
            config == "Debug" ? "-optimize-" : "-optimize+", "-debug:portable", "-out:" + dll,
        };
        cscArgs.AddRange(refs.Values.Select(r => "-r:" + r));
        cscArgs.AddRange(p.Sources(outDir));
        ExecResult csc = Exec("dotnet", cscArgs, Root, 600);
        if (csc.Code != 0)
        {
            Fail(p.Name + " (" + config + "): csc failed\n" + string.Join("\n", csc.Output.Split('\n').Where(l => l.Contains("error")).Take(30)));
            return;
        }

        string pe = Path.ChangeExtension(dll, ".pe");
        var mdpArgs = new List<string> { Mdp };
        foreach (var r in AllLoadHints(refs)) { mdpArgs.Add("-loadHints"); mdpArgs.Add(r.Key); mdpArgs.Add(r.Value); }
        mdpArgs.AddRange(new[] { "-parse", dll, "-compile", pe, "false" });
        ExecResult mdp = Exec("dotnet", mdpArgs, Root, 600);
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
    public static int TableSize(string pe, int table)
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
        foreach (string a in KitAssemblies) if (!all.ContainsKey(a)) all[a] = Path.Combine(Kit, a + ".dll");
        foreach (string f in new[] { Ref }.Concat(ExtraRefDirs).SelectMany(d => Directory.GetFiles(d, "*.dll")))
        {
            string name = Path.GetFileNameWithoutExtension(f);
            if (!all.ContainsKey(name)) all[name] = f;
        }

        return all;
    }

    public static IEnumerable<string> ClosureOf(Project p)
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

    public sealed class ExecResult
    {
        public int Code;
        public string Output;
        public bool TimedOut;
    }

    public static ExecResult Exec(string file, IEnumerable<string> args, string cwd, int timeoutSeconds)
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

    /// <summary>What the tools need of a .nfproj: its name, kind, sources (shared lists included) and references.</summary>
    public sealed class Project
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
