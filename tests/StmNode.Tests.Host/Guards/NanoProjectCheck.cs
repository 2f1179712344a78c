using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// Checks a .nfproj the way Visual Studio with the nanoFramework extension will see it, since no nanoFramework
    /// build runs on Linux: project type GUIDs, the project-system imports, nfproj.props, every Compile item on disk
    /// (imported shared lists included), and every Reference's HintPath naming a package id and version that the
    /// project's packages.config pins for netnano1.0.
    /// </summary>
    internal static class NanoProjectCheck
    {
        public const string NanoProjectTypeGuid = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
        public const string CSharpProjectTypeGuid = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";

        /// <summary>Compile items that are git-ignored on purpose; the project must stop with its own message when they are missing.</summary>
        private static readonly string[] GuardedOptionalFiles = { "Secrets.cs" };

        public static List<string> Check(string nfprojPath)
        {
            List<string> problems = new List<string>();
            string dir = Path.GetDirectoryName(nfprojPath);
            XDocument doc;
            try
            {
                doc = XDocument.Load(nfprojPath);
            }
            catch (Exception e)
            {
                problems.Add("not well-formed XML: " + e.Message);
                return problems;
            }

            List<XElement> all = doc.Descendants().ToList();
            string Value(string name) => all.Where(e => e.Name.LocalName == name).Select(e => e.Value.Trim()).FirstOrDefault();

            string guids = Value("ProjectTypeGuids") ?? "";
            if (!guids.Contains(NanoProjectTypeGuid, StringComparison.OrdinalIgnoreCase) || !guids.Contains(CSharpProjectTypeGuid, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("ProjectTypeGuids must be " + NanoProjectTypeGuid + ";" + CSharpProjectTypeGuid + ", is '" + guids + "'.");
            }

            if (Value("NanoFrameworkProjectSystemPath") != @"$(MSBuildExtensionsPath)\nanoFramework\v1.0\")
            {
                problems.Add(@"NanoFrameworkProjectSystemPath must be $(MSBuildExtensionsPath)\nanoFramework\v1.0\.");
            }

            if (Value("TargetFrameworkVersion") != "v1.0")
            {
                problems.Add("TargetFrameworkVersion must be v1.0.");
            }

            string outputType = Value("OutputType");
            if (outputType != "Exe" && outputType != "Library")
            {
                problems.Add("OutputType must be Exe or Library, is '" + outputType + "'.");
            }

            List<string> imports = all.Where(e => e.Name.LocalName == "Import").Select(e => (string)e.Attribute("Project") ?? "").ToList();
            foreach (string required in new[] { "NFProjectSystem.Default.props", "NFProjectSystem.props", "NFProjectSystem.CSharp.targets" })
            {
                string expected = "$(NanoFrameworkProjectSystemPath)" + required;
                if (!imports.Contains(expected))
                {
                    problems.Add("missing <Import Project=\"" + expected + "\" />.");
                }
            }

            if (!imports.Any(i => i.Replace('\\', '/').EndsWith("/nfproj.props", StringComparison.Ordinal) && File.Exists(Resolve(dir, i))))
            {
                problems.Add("must import the repository's nfproj.props explicitly (nano projects do not read Directory.Build.props).");
            }

            if (Value("AssemblyName") == "NFUnitTest" || Value("IsTestProject") == "true")
            {
                CheckTestProject(all, Value, problems);
            }

            List<string> compiles = all.Where(e => e.Name.LocalName == "Compile").Select(e => (string)e.Attribute("Include")).ToList();
            foreach (string shared in imports.Where(i => i.EndsWith(".projitems", StringComparison.Ordinal)))
            {
                string itemsPath = Resolve(dir, shared);
                if (!File.Exists(itemsPath))
                {
                    problems.Add("imported shared project " + shared + " does not exist.");
                    continue;
                }

                foreach (XElement c in XDocument.Load(itemsPath).Descendants().Where(e => e.Name.LocalName == "Compile"))
                {
                    string include = ((string)c.Attribute("Include")).Replace("$(MSBuildThisFileDirectory)", "");
                    compiles.Add(Path.GetRelativePath(dir, Path.Combine(Path.GetDirectoryName(itemsPath), include.Replace('\\', '/'))));
                }
            }

            foreach (string compile in compiles)
            {
                string path = Resolve(dir, compile);
                if (!File.Exists(path) && !GuardedOptionalFiles.Contains(Path.GetFileName(path)))
                {
                    problems.Add("Compile item " + compile + " does not exist.");
                }
            }

            // The nano project system does not glob: a .cs file in the project's folder that no item names is silently
            // left out of the device build (templates such as Secrets.example.cs are listed as None).
            HashSet<string> named = new HashSet<string>(
                compiles.Concat(all.Where(e => e.Name.LocalName == "None").Select(e => (string)e.Attribute("Include")))
                    .Select(c => Resolve(dir, c)), StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
                if (!relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                    && !named.Contains(Path.GetFullPath(file)) && !GuardedOptionalFiles.Contains(Path.GetFileName(file)))
                {
                    problems.Add(relative + " is on disk but no item of the project names it (the nano project system does not glob).");
                }
            }

            CheckReferences(dir, all, problems);
            return problems;
        }

        private static void CheckTestProject(List<XElement> all, Func<string, string> value, List<string> problems)
        {
            if (value("AssemblyName") != "NFUnitTest")
            {
                problems.Add("a nanoFramework test project's AssemblyName must be NFUnitTest.");
            }

            if (value("TestProjectType") != "UnitTest" || value("IsTestProject") != "true")
            {
                problems.Add("a nanoFramework test project needs IsTestProject true and TestProjectType UnitTest.");
            }

            if (!all.Any(e => e.Name.LocalName == "ProjectCapability" && (string)e.Attribute("Include") == "TestContainer"))
            {
                problems.Add("a nanoFramework test project needs <ProjectCapability Include=\"TestContainer\" />.");
            }

            if ((value("RunSettingsFilePath") ?? "") != @"$(MSBuildProjectDirectory)\nano.runsettings")
            {
                problems.Add(@"a nanoFramework test project needs RunSettingsFilePath $(MSBuildProjectDirectory)\nano.runsettings.");
            }
        }

        private static void CheckReferences(string dir, List<XElement> all, List<string> problems)
        {
            string configPath = Path.Combine(dir, "packages.config");
            List<XElement> references = all.Where(e => e.Name.LocalName == "Reference").ToList();
            if (!File.Exists(configPath))
            {
                if (references.Count > 0)
                {
                    problems.Add("has References but no packages.config.");
                }

                return;
            }

            List<XElement> packages = XDocument.Load(configPath).Descendants("package").ToList();
            foreach (XElement package in packages)
            {
                if ((string)package.Attribute("targetFramework") != "netnano1.0")
                {
                    problems.Add("packages.config: " + (string)package.Attribute("id") + " must have targetFramework=\"netnano1.0\".");
                }
            }

            foreach (XElement reference in references)
            {
                string include = (string)reference.Attribute("Include");
                string hint = reference.Elements().Where(e => e.Name.LocalName == "HintPath").Select(e => e.Value.Trim()).FirstOrDefault();
                if (hint == null)
                {
                    problems.Add("Reference " + include + " has no HintPath.");
                    continue;
                }

                string normalized = hint.Replace('/', '\\');
                bool pinned = packages.Any(p => normalized.Contains(@"packages\" + (string)p.Attribute("id") + "." + (string)p.Attribute("version") + @"\lib\", StringComparison.Ordinal));
                if (!pinned)
                {
                    problems.Add("Reference " + include + ": HintPath " + hint + " names no package id and version pinned in packages.config.");
                }

                string assembly = include.Split(',')[0].Trim();
                string file = Path.GetFileNameWithoutExtension(normalized.Substring(normalized.LastIndexOf('\\') + 1));
                if (!string.Equals(assembly, file, StringComparison.Ordinal))
                {
                    problems.Add("Reference " + assembly + " points at " + file + ": the assembly and the file must match.");
                }
            }
        }

        private static string Resolve(string dir, string relative)
        {
            return Path.GetFullPath(Path.Combine(dir, relative.Replace('\\', '/')));
        }
    }
}
