using System.Reflection;

[assembly: AssemblyTitle("StmNode.Core")]
[assembly: AssemblyDescription("Ports, JSON and crypto: the base every other StmNode assembly builds on")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
