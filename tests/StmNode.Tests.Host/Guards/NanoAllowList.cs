using System;
using System.Collections.Generic;
using System.IO;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// The reviewed list of framework members Core may use (firmware/StmNode.Core/NanoApi.allowlist), grouped by the
    /// nanoFramework assembly that has them. Only assemblies the nanoCLR test runner can load may appear.
    /// </summary>
    internal sealed class NanoAllowList
    {
        /// <summary>
        /// What the nanoCLR virtual device registers native code for (docs/developing.md: "Portable code", and the kit
        /// listed under "Tests on the real runtime").
        /// </summary>
        public static readonly string[] LoadableAssemblies =
        {
            "mscorlib", "nanoFramework.Runtime.Native", "nanoFramework.System.Collections",
            "nanoFramework.System.Text", "System.Math", "nanoFramework.Runtime.Events"
        };

        private readonly Dictionary<string, string> _assemblyOf = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> Problems { get; } = new List<string>();

        public static NanoAllowList Load(string path)
        {
            return Parse(File.ReadAllLines(path));
        }

        public static NanoAllowList Parse(string[] lines)
        {
            NanoAllowList list = new NanoAllowList();
            string section = null;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (line.StartsWith("[", StringComparison.Ordinal) && line.EndsWith("]", StringComparison.Ordinal))
                {
                    section = line.Substring(1, line.Length - 2);
                    if (Array.IndexOf(LoadableAssemblies, section) < 0)
                    {
                        list.Problems.Add("allow-list line " + (i + 1) + ": [" + section + "] is not an assembly the nanoCLR test runner can load.");
                    }

                    continue;
                }

                if (section == null)
                {
                    list.Problems.Add("allow-list line " + (i + 1) + ": entry before any [assembly] section.");
                    continue;
                }

                list._assemblyOf[line] = section;
            }

            return list;
        }

        public bool Allows(string member)
        {
            return _assemblyOf.ContainsKey(member);
        }

        public int Count
        {
            get { return _assemblyOf.Count; }
        }
    }
}
