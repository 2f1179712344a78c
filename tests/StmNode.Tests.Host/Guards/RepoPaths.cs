using System;
using System.IO;

namespace StmNode.Tests.Guards
{
    /// <summary>Finds files of this repository from the test's output folder (the guards read the real sources).</summary>
    internal static class RepoPaths
    {
        private static string _root;

        public static string Root
        {
            get
            {
                if (_root == null)
                {
                    string dir = AppContext.BaseDirectory;
                    while (dir != null && !File.Exists(Path.Combine(dir, "StmNode.sln")))
                    {
                        dir = Path.GetDirectoryName(dir);
                    }

                    _root = dir ?? throw new InvalidOperationException("StmNode.sln not found above " + AppContext.BaseDirectory);
                }

                return _root;
            }
        }

        public static string Of(string relative)
        {
            return Path.Combine(Root, relative.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar));
        }
    }
}
