using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// Checks a shared project's explicit source list against the folder: every .cs on disk is listed with the exact
    /// letter case (Linux is case-sensitive, Windows is not), and every listed file exists. Files in the excluded
    /// sub-folders belong to one side only (Properties/ to the .nfproj, Nano/ to the nano test project).
    /// </summary>
    internal static class SharedProjectCheck
    {
        public static readonly string[] ExcludedFolders = { "bin", "obj", "Properties", "Nano" };

        public static List<string> Check(string projitemsPath)
        {
            List<string> problems = new List<string>();
            string folder = Path.GetDirectoryName(projitemsPath);
            HashSet<string> listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (XElement compile in XDocument.Load(projitemsPath).Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                string include = (string)compile.Attribute("Include") ?? "";
                const string prefix = "$(MSBuildThisFileDirectory)";
                if (!include.StartsWith(prefix, StringComparison.Ordinal))
                {
                    problems.Add(include + ": listed without the $(MSBuildThisFileDirectory) prefix.");
                    continue;
                }

                string relative = include.Substring(prefix.Length).Replace('\\', '/');
                if (!listed.Add(relative))
                {
                    problems.Add(relative + ": listed twice.");
                }

                if (!ExistsWithExactCase(folder, relative))
                {
                    problems.Add(relative + ": listed in " + Path.GetFileName(projitemsPath) + " but no file has this exact path and case.");
                }
            }

            foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                string top = relative.Split('/')[0];
                if (relative.Contains('/') && ExcludedFolders.Contains(top))
                {
                    continue;
                }

                if (!listed.Contains(relative))
                {
                    problems.Add(relative + ": on disk but not listed (with this exact case) in " + Path.GetFileName(projitemsPath) + "; run tools/sync-projitems.");
                }
            }

            return problems;
        }

        private static bool ExistsWithExactCase(string folder, string relative)
        {
            string current = folder;
            foreach (string part in relative.Split('/'))
            {
                string next = Directory.Exists(current)
                    ? Directory.EnumerateFileSystemEntries(current).FirstOrDefault(e => Path.GetFileName(e) == part)
                    : null;
                if (next == null)
                {
                    return false;
                }

                current = next;
            }

            return File.Exists(current);
        }
    }
}
