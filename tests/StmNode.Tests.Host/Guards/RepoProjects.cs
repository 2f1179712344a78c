using System.Collections.Generic;
using System.Linq;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// The projects the guards hold to account: the portable device assemblies (a nanoFramework library and its .NET
    /// twin over one shared source list, listed lowest first: each may reference only those before it), the shared test
    /// projects (one NFUnitTest per area) and their fakes library.
    /// </summary>
    internal static class RepoProjects
    {
        public static readonly string[] DeviceAssemblies = { "StmNode.Core", "StmNode.Mqtt", "StmNode.Cloud", "StmNode.Modems", "StmNode.Node" };

        public static readonly string[] TestProjects = { "StmNode.Core.Tests", "StmNode.Mqtt.Tests", "StmNode.At.Tests", "StmNode.Modems.Tests", "StmNode.Cloud.Tests", "StmNode.Node.Tests" };

        public const string Fakes = "StmNode.Tests.Fakes";

        /// <summary>tools/nano-bench's program: nano only, not a test project, with benchmark-only peers.</summary>
        public const string NanoBench = "tests/StmNode.NanoBench/StmNode.NanoBench.nfproj";

        public const string AllowList = "firmware/StmNode.Core/NanoApi.allowlist";

        public static string DeviceItems(string assembly)
        {
            return "firmware/" + assembly + "/" + assembly + ".projitems";
        }

        public static string DeviceNanoProject(string assembly)
        {
            return "firmware/" + assembly + "/" + assembly + ".nfproj";
        }

        public static string DeviceNetProject(string assembly)
        {
            return "firmware/" + assembly + ".Net/" + assembly + ".Net.csproj";
        }

        public static string TestItems(string project)
        {
            return "tests/" + project + "/" + project + ".projitems";
        }

        public static string TestNanoProject(string project)
        {
            return "tests/" + project + "/" + project + ".nfproj";
        }

        public static IEnumerable<string> AllDeviceItems()
        {
            return DeviceAssemblies.Select(DeviceItems);
        }

        public static IEnumerable<string> AllTestItems()
        {
            return TestProjects.Concat(new[] { Fakes }).Select(TestItems);
        }

        public static IEnumerable<string> AllNanoProjects()
        {
            return DeviceAssemblies.Select(DeviceNanoProject)
                .Concat(TestProjects.Concat(new[] { Fakes }).Select(TestNanoProject))
                .Concat(new[] { "firmware/StmNode/StmNode.nfproj", NanoBench });
        }
    }
}
