using System.Reflection;

[assembly: AssemblyTitle("StmNode.Core")]
[assembly: AssemblyDescription("Portable logic of the StmNode sensor node")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
