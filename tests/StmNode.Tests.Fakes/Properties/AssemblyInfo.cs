using System.Reflection;

[assembly: AssemblyTitle("StmNode.Tests.Fakes")]
[assembly: AssemblyDescription("Fakes and helpers of the StmNode unit tests")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
