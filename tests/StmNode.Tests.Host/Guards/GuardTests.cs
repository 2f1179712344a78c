using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// Host-only guards over the real repository, each with a planted violation proving it catches what it claims.
    /// </summary>
    [TestClass]
    public class GuardTests
    {
        // ---- 1. shared source lists

        [TestMethod]
        public void SharedLists_MatchFilesOnDisk()
        {
            List<string> problems = RepoProjects.AllDeviceItems().Concat(RepoProjects.AllTestItems())
                .SelectMany(items => SharedProjectCheck.Check(RepoPaths.Of(items)).Select(p => items + ": " + p)).ToList();
            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void SharedList_PlantedMissingWrongCaseAndStaleFiles_AreReported()
        {
            string dir = TempFolder();
            Directory.CreateDirectory(Path.Combine(dir, "Json"));
            File.WriteAllText(Path.Combine(dir, "Json", "JsonWriter.cs"), "");
            File.WriteAllText(Path.Combine(dir, "Unlisted.cs"), "");
            Directory.CreateDirectory(Path.Combine(dir, "Properties"));
            File.WriteAllText(Path.Combine(dir, "Properties", "AssemblyInfo.cs"), "");
            string items = Path.Combine(dir, "X.projitems");
            File.WriteAllText(items, Items(@"json\JsonWriter.cs", @"Gone.cs"));

            List<string> problems = SharedProjectCheck.Check(items);

            Assert.IsTrue(problems.Any(p => p.StartsWith("json/JsonWriter.cs: listed", StringComparison.Ordinal)), string.Join("\n", problems));
            Assert.IsTrue(problems.Any(p => p.StartsWith("Json/JsonWriter.cs: on disk but not listed", StringComparison.Ordinal)), string.Join("\n", problems));
            Assert.IsTrue(problems.Any(p => p.StartsWith("Gone.cs: listed", StringComparison.Ordinal)), string.Join("\n", problems));
            Assert.IsTrue(problems.Any(p => p.StartsWith("Unlisted.cs: on disk", StringComparison.Ordinal)), string.Join("\n", problems));
            Assert.IsFalse(problems.Any(p => p.Contains("AssemblyInfo", StringComparison.Ordinal)), "Properties/ belongs to the .nfproj only");
            Assert.AreEqual(4, problems.Count, string.Join("\n", problems));
        }

        // ---- 2. portability of Core

        [TestMethod]
        public void DeviceAssemblies_UseOnlyWhatNanoFrameworkHas()
        {
            List<string> findings = PortabilityScanner.Scan(DeviceSources(), NanoAllowList.Load(RepoPaths.Of(RepoProjects.AllowList)));
            Assert.AreEqual(0, findings.Count, "Core is not portable to nanoFramework:\n" + string.Join("\n", findings.Take(60)));
        }

        [TestMethod]
        public void SharedTests_UseOnlyWhatNanoFrameworkHas_ApartFromTestFrameworkCalls()
        {
            List<KeyValuePair<string, string>> sources = DeviceSources().Concat(TestSources()).ToList();
            sources.Add(new KeyValuePair<string, string>("TestFrameworkShape.cs", TestFrameworkShape));
            List<string> findings = PortabilityScanner.Scan(sources, NanoAllowList.Load(RepoPaths.Of(RepoProjects.AllowList)));
            Assert.AreEqual(0, findings.Count, "Shared tests would not build for nanoFramework:\n" + string.Join("\n", findings.Take(60)));
        }

        [TestMethod]
        public void SharedTests_KeepTheShapeBothRunnersNeed()
        {
            List<string> findings = TestSources()
                .SelectMany(s => SharedTestShapeCheck.Check(Path.GetRelativePath(RepoPaths.Root, s.Key).Replace('\\', '/'), s.Value)).ToList();
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings.Take(60)));
        }

        [TestMethod]
        public void HotPath_PlantedViolations_AreReported()
        {
            string body = "class Planted {\n bool A(string s) { return s.StartsWith(\"+X\"); }\n int B(string s) { int n = 0; for (int i = 0; i < 3; i++) { n += s[i]; } return n; }\n"
                + " int C(string s) { int n = 0; for (int i = 0; i < 3; i++) { n += s[i]; } return n; } // nano-hot: cold (a fallback)\n int D(string s) { return s[0]; }\n}";
            NanoAllowList allow = NanoAllowList.Parse(new[] { "[mscorlib]", "object", "string", "int", "bool", "void", "string.StartsWith(string)", "string.this[int]" });
            List<string> hot = PortabilityScanner.Scan(new[] { new KeyValuePair<string, string>("Planted.cs", "// nano-hot\n" + body) }, allow);
            Assert.IsTrue(hot.Any(f => f.StartsWith("Planted.cs:3: nano-hot: string.StartsWith", StringComparison.Ordinal)), string.Join("\n", hot));
            Assert.IsTrue(hot.Any(f => f.StartsWith("Planted.cs:4: nano-hot: text[i] in a loop", StringComparison.Ordinal)), string.Join("\n", hot));
            Assert.IsFalse(hot.Any(f => f.StartsWith("Planted.cs:5:", StringComparison.Ordinal) || f.StartsWith("Planted.cs:6:", StringComparison.Ordinal)), string.Join("\n", hot));
            List<string> cold = PortabilityScanner.Scan(new[] { new KeyValuePair<string, string>("Planted.cs", body) }, allow);
            Assert.IsFalse(cold.Any(f => f.Contains("nano-hot", StringComparison.Ordinal)), string.Join("\n", cold));
        }

        [TestMethod]
        public void SharedTestShape_PlantedViolations_AreReported()
        {
            string code = @"
[TestClass]
public class PlantedTests
{
    private int _count;
    [TestInitialize] public void Init() { }
    [TestMethod] public static void StaticTest() { }
    [DataRow(1)] public void RowsOnly(int x) { }
    [TestMethod]
    [DataRow(null)]
    [DataRow(Kind.A)]
    [DataRow(5)]
    [DataRow('c')]
    [DataRow(1.5)]
    public void Rows(long x) { }
    [TestMethod]
    [DataRow(1, 2)]
    public void Count(int x) { }
}";
            List<string> findings = SharedTestShapeCheck.Check("Planted.cs", code);
            string all = string.Join("\n", findings);
            StringAssert.Contains(all, "Planted.cs:5: a test class has no fields");
            StringAssert.Contains(all, "Planted.cs:6: no setup/cleanup");
            StringAssert.Contains(all, "Planted.cs:7: a test method is a public instance method");
            StringAssert.Contains(all, "Planted.cs:8: [DataRow] without [TestMethod]");
            StringAssert.Contains(all, "(null) for long: null crashes");
            StringAssert.Contains(all, "(Kind.A) for long: use a literal");
            StringAssert.Contains(all, "(5) for long: a int literal for a long parameter");
            StringAssert.Contains(all, "('c') for long: char values");
            StringAssert.Contains(all, "(1.5) for long: a double literal");
            StringAssert.Contains(all, "has 2 values for 1 parameters");
            Assert.AreEqual(10, findings.Count, all);
        }

        [TestMethod]
        [DataRow("System.Collections.Generic.List<int> x = new System.Collections.Generic.List<int>();", "generic")]
        [DataRow("int? x = null;", "nullable value type")]
        [DataRow("System.Action<int> a = i => { };", "generic")]
        [DataRow("object o = T<int>();", "generic")]
        [DataRow("var t = (1, 2);", "tuple")]
        [DataRow("int[] a = { 1 }; var b = System.Linq.Enumerable.ToArray(a);", "generic")]
        [DataRow("System.Console.WriteLine(\"x\");", "System.Console.WriteLine(string) is not in NanoApi.allowlist")]
        [DataRow("string[] p = \"a,b\".Split(',');", "string.Split(char, System.StringSplitOptions) is not in NanoApi.allowlist")]
        [DataRow("decimal d = 1;", "decimal")]
        [DataRow("string s = 1.5.ToString(\"0.0\");", "format \"0.0\"")]
        [DataRow("string s = $\"{System.DateTime.UtcNow:yyyyMMdd}\";", "format \"yyyyMMdd\"")]
        [DataRow("string s = string.Format(\"{0:00}\", 1);", "format \"00\"")]
        [DataRow("int[,] m = new int[2, 2];", "multidimensional")]
        [DataRow("string s = \"a\\0b\";", "U+0000 in a string literal")]
        [DataRow("int i = \"ab\".IndexOf(\"\");", "IndexOf(\"\") throws or answers -1 on nanoFramework")]
        [DataRow("const string None = \"\"; int i = \"ab\".LastIndexOf(None, 1);", "LastIndexOf(\"\") throws or answers -1 on nanoFramework")]
        public void Scanner_PlantedViolation_IsReported(string statement, string expected)
        {
            string code = "class Planted { static object T<X>() { return null; } void M() { " + statement + " } }";
            List<string> findings = PortabilityScanner.Scan(new[] { new KeyValuePair<string, string>("Planted.cs", code) }, NanoAllowList.Parse(new[] { "[mscorlib]", "object", "string", "int", "void" }));
            Assert.IsTrue(findings.Any(f => f.StartsWith("Planted.cs:1: ", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal)), "expected '" + expected + "' in:\n" + string.Join("\n", findings));
        }

        [TestMethod]
        public void Scanner_AsyncAndLinqQuery_AreReported()
        {
            string code = "using System.Linq;\nclass Planted {\n async void M() { }\n object Q(int[] a) { return from x in a select x; }\n}";
            List<string> findings = PortabilityScanner.Scan(new[] { new KeyValuePair<string, string>("Planted.cs", code) }, NanoAllowList.Parse(new[] { "[mscorlib]", "object", "int", "void" }));
            Assert.IsTrue(findings.Any(f => f.StartsWith("Planted.cs:1: using System.Linq", StringComparison.Ordinal)), string.Join("\n", findings));
            Assert.IsTrue(findings.Any(f => f.StartsWith("Planted.cs:3: async", StringComparison.Ordinal)), string.Join("\n", findings));
            Assert.IsTrue(findings.Any(f => f.StartsWith("Planted.cs:4: LINQ query", StringComparison.Ordinal)), string.Join("\n", findings));
        }

        [TestMethod]
        public void Scanner_AllowedCode_HasNoFindings()
        {
            string code = "class Ok { int M(string s) { return s.Length + s.Substring(1, 2).Length; } }";
            List<string> findings = PortabilityScanner.Scan(new[] { new KeyValuePair<string, string>("Ok.cs", code) },
                NanoAllowList.Parse(new[] { "[mscorlib]", "string", "int", "string.Length", "string.Substring(int, int)" }));
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }

        [TestMethod]
        public void Scanner_MemberReachedThroughDerivedOrOverridingType_MatchesTheListedName()
        {
            string code = "class Ok { string M(System.Threading.AutoResetEvent e, System.ArgumentOutOfRangeException x) { e.Set(); return x.Message; } }";
            List<string> findings = PortabilityScanner.Scan(new[] { new KeyValuePair<string, string>("Ok.cs", code) }, NanoAllowList.Parse(new[]
            {
                "[mscorlib]", "string", "bool", "System.Threading.AutoResetEvent", "System.ArgumentOutOfRangeException",
                "System.Threading.AutoResetEvent.Set()", "System.Exception.Message"
            }));
            Assert.AreEqual(0, findings.Count, string.Join("\n", findings));
        }

        [TestMethod]
        public void AllowList_SectionForAnAssemblyTheTestRunnerCannotLoad_IsReported()
        {
            NanoAllowList list = NanoAllowList.Parse(new[] { "[mscorlib]", "string", "[System.Device.Gpio]", "System.Device.Gpio.GpioController" });
            Assert.AreEqual(1, list.Problems.Count);
            StringAssert.Contains(list.Problems[0], "System.Device.Gpio");
        }

        [TestMethod]
        public void DeviceNanoProjects_ReferenceOnlyWhatTheTestRunnerCanLoadAndOnlyLowerAssemblies()
        {
            List<string> problems = new List<string>();
            for (int i = 0; i < RepoProjects.DeviceAssemblies.Length; i++)
            {
                string nfproj = RepoProjects.DeviceNanoProject(RepoProjects.DeviceAssemblies[i]);
                List<XElement> items = XDocument.Load(RepoPaths.Of(nfproj)).Descendants().ToList();
                problems.AddRange(items.Where(e => e.Name.LocalName == "Reference")
                    .Select(e => ((string)e.Attribute("Include")).Split(',')[0].Trim())
                    .Where(a => !NanoAllowList.LoadableAssemblies.Contains(a)).Select(a => nfproj + " references " + a));
                string[] lower = RepoProjects.DeviceAssemblies.Take(i).ToArray();
                problems.AddRange(items.Where(e => e.Name.LocalName == "ProjectReference")
                    .Select(e => Path.GetFileNameWithoutExtension(((string)e.Attribute("Include")).Replace('\\', '/')))
                    .Where(a => !lower.Contains(a)).Select(a => nfproj + " references " + a + ", which is not below it"));
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void SdkProjectsOfPortableCode_PinCSharp9AndNoImplicitUsings()
        {
            string props = File.ReadAllText(RepoPaths.Of("Directory.Build.props"));
            StringAssert.Contains(props, "<NanoLangVersion>9.0</NanoLangVersion>");
            StringAssert.Contains(props, "<ImplicitUsings>disable</ImplicitUsings>");
            foreach (string csproj in RepoProjects.DeviceAssemblies.Select(RepoProjects.DeviceNetProject).Concat(new[] { "tests/StmNode.Tests.Host/StmNode.Tests.Host.csproj" }))
            {
                string text = File.ReadAllText(RepoPaths.Of(csproj));
                StringAssert.Contains(text, "<LangVersion>$(NanoLangVersion)</LangVersion>", csproj);
                Assert.IsFalse(text.Contains("ImplicitUsings", StringComparison.Ordinal), csproj + " must not override ImplicitUsings");
            }
        }

        // ---- 3. nanoFramework project files

        [TestMethod]
        public void NanoProjects_AreWellFormed()
        {
            List<string> problems = RepoProjects.AllNanoProjects()
                .SelectMany(nfproj => NanoProjectCheck.Check(RepoPaths.Of(nfproj)).Select(p => nfproj + ": " + p)).ToList();
            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void EveryNanoProjectInTheRepository_IsChecked()
        {
            string[] all = Directory.EnumerateFiles(RepoPaths.Root, "*.nfproj", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
                .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal)).OrderBy(p => p).ToArray();
            CollectionAssert.AreEquivalent(RepoProjects.AllNanoProjects().ToArray(), all);
        }

        [TestMethod]
        public void NanoProject_PlantedViolations_AreReported()
        {
            string dir = TempFolder();
            File.WriteAllText(Path.Combine(dir, "Program.cs"), "");
            File.WriteAllText(Path.Combine(dir, "Forgotten.cs"), "");
            File.WriteAllText(Path.Combine(dir, "packages.config"),
                "<packages><package id=\"nanoFramework.CoreLibrary\" version=\"1.17.11\" targetFramework=\"netnano1.0\" /></packages>");
            string good = File.ReadAllText(RepoPaths.Of("firmware/StmNode.Core/StmNode.Core.nfproj"));
            string planted = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">"
                + "<PropertyGroup><ProjectTypeGuids>{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}</ProjectTypeGuids><OutputType>Exe</OutputType><TargetFrameworkVersion>v1.0</TargetFrameworkVersion></PropertyGroup>"
                + "<ItemGroup><Compile Include=\"Program.cs\" /><Compile Include=\"Missing.cs\" /></ItemGroup>"
                + "<ItemGroup><Reference Include=\"mscorlib, Version=1.17.11.0\"><HintPath>..\\packages\\nanoFramework.CoreLibrary.1.17.10\\lib\\mscorlib.dll</HintPath></Reference>"
                + "<Reference Include=\"System.Math\" /></ItemGroup></Project>";
            string path = Path.Combine(dir, "Planted.nfproj");
            File.WriteAllText(path, planted);

            List<string> problems = NanoProjectCheck.Check(path);
            string all = string.Join("\n", problems);

            StringAssert.Contains(all, "ProjectTypeGuids");
            StringAssert.Contains(all, "NFProjectSystem.Default.props");
            StringAssert.Contains(all, "NFProjectSystem.CSharp.targets");
            StringAssert.Contains(all, "nfproj.props");
            StringAssert.Contains(all, "Compile item Missing.cs does not exist");
            StringAssert.Contains(all, "names no package id and version pinned");
            StringAssert.Contains(all, "Reference System.Math has no HintPath");
            StringAssert.Contains(all, "Forgotten.cs is on disk but no item of the project names it");
            Assert.IsFalse(all.Contains("Program.cs is on disk", StringComparison.Ordinal), all);
            Assert.IsTrue(good.Length > 0);
        }

        [TestMethod]
        public void DeviceProject_StopsWithAMessageWhenSecretsAreMissing()
        {
            string text = File.ReadAllText(RepoPaths.Of("firmware/StmNode/StmNode.nfproj"));
            StringAssert.Contains(text, "<Compile Include=\"Secrets.cs\" />");
            StringAssert.Contains(text, "Condition=\"!Exists('$(MSBuildProjectDirectory)\\Secrets.cs')\"");
            StringAssert.Contains(text, "Copy Secrets.example.cs to Secrets.cs");
            StringAssert.Contains(File.ReadAllText(RepoPaths.Of(".gitignore")), "**/Secrets.cs");
            Assert.IsTrue(File.Exists(RepoPaths.Of("firmware/StmNode/Secrets.example.cs")));
        }

        // ---- 4. what the MetadataProcessor accepts

        [TestMethod]
        public void EveryNanoAssembly_StaysWithinTheByteCodeAndStringBudgetInDebug()
        {
            List<string> problems = new List<string>();
            List<MetadataReference> device = new List<MetadataReference>();
            foreach (string assembly in RepoProjects.DeviceAssemblies)
            {
                byte[] image = AssemblyBudget.CompileDebug(assembly, ListedSources(RepoProjects.DeviceItems(assembly)), PortabilityScanner.FrameworkReferences().Concat(device));
                problems.AddRange(AssemblyBudget.Check(AssemblyBudget.Measure(assembly, image)));
                device.Add(MetadataReference.CreateFromImage(image));
            }

            // Each test project compiles with its fakes and the .NET side of Expect, as on the nano side with the fakes library.
            IEnumerable<MetadataReference> testReferences = PortabilityScanner.FrameworkReferences().Concat(device)
                .Append(MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location));
            KeyValuePair<string, string> expect = new KeyValuePair<string, string>("Expect.cs", File.ReadAllText(RepoPaths.Of("tests/StmNode.Tests.Host/Support/Expect.cs")));
            foreach (string project in RepoProjects.TestProjects)
            {
                IEnumerable<KeyValuePair<string, string>> sources = ListedSources(RepoProjects.TestItems(project)).Concat(ListedSources(RepoProjects.TestItems(RepoProjects.Fakes))).Append(expect);
                problems.AddRange(AssemblyBudget.Check(AssemblyBudget.Measure(project, AssemblyBudget.CompileDebug(project, sources, testReferences))));
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void AssemblyBudget_PlantedOversizedAssembly_IsReported()
        {
            // 2,000 distinct literals of 30 characters and as many boxed adds: about 60 KB of strings and 57 KB of IL.
            StringBuilder code = new StringBuilder("class Big { int M(System.Collections.ArrayList a) {\n");
            for (int i = 0; i < 2000; i++)
            {
                code.Append("a.Add(\"planted literal number ").Append(i.ToString("D6")).Append("\"); a.Add(").Append(i).Append(");\n");
            }

            code.Append("return a.Count; } }");
            byte[] image = AssemblyBudget.CompileDebug("Planted", new[] { new KeyValuePair<string, string>("Big.cs", code.ToString()) }, PortabilityScanner.FrameworkReferences());
            AssemblyBudget.Size size = AssemblyBudget.Measure("Planted", image);
            List<string> problems = AssemblyBudget.Check(size);

            Assert.AreEqual(2, problems.Count, string.Join("\n", problems));
            StringAssert.Contains(problems[0], "Planted: " + size.IlBytes + " B of IL in Debug, over the budget");
            StringAssert.Contains(problems[1], "Planted: " + size.StringBytes + " B of strings, over the budget");

            size.IlBytes = AssemblyBudget.MaxIlBytes;
            size.StringBytes = AssemblyBudget.MaxStringBytes;
            Assert.AreEqual(0, AssemblyBudget.Check(size).Count, "the budget itself is allowed");
        }

        // ---- helpers

        /// <summary>The shape of the Expect helper (each runner has its own), declared so the scan resolves calls to it.</summary>
        private const string TestFrameworkShape = @"
namespace StmNode.Tests
{
    public delegate void TestAction();
    public static class Expect
    {
        public static void Throws(System.Type exceptionType, TestAction action) { }
        public static void Fail(string message) { }
    }
}";

        private static IEnumerable<KeyValuePair<string, string>> DeviceSources()
        {
            // Scanned as one compilation: one assembly's attributes stand for all (the others would be duplicates).
            return RepoProjects.AllDeviceItems().SelectMany(ListedSources)
                .Where(s => !s.Key.EndsWith("AssemblyInfo.cs", StringComparison.Ordinal) || s.Key.Contains("StmNode.Core", StringComparison.Ordinal));
        }

        private static IEnumerable<KeyValuePair<string, string>> TestSources()
        {
            return RepoProjects.AllTestItems().SelectMany(ListedSources);
        }

        private static IEnumerable<KeyValuePair<string, string>> ListedSources(string projitems)
        {
            string items = RepoPaths.Of(projitems);
            string dir = Path.GetDirectoryName(items);
            return XDocument.Load(items).Descendants().Where(e => e.Name.LocalName == "Compile")
                .Select(e => Path.Combine(dir, ((string)e.Attribute("Include")).Replace("$(MSBuildThisFileDirectory)", "").Replace('\\', Path.DirectorySeparatorChar)))
                .Select(p => new KeyValuePair<string, string>(p, File.ReadAllText(p)));
        }

        private static string Items(params string[] files)
        {
            return "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\"><ItemGroup>"
                + string.Concat(files.Select(f => "<Compile Include=\"$(MSBuildThisFileDirectory)" + f + "\" />"))
                + "</ItemGroup></Project>";
        }

        private static string TempFolder()
        {
            string dir = Path.Combine(Path.GetTempPath(), "stmnode-guard-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
