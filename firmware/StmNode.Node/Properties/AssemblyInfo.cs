using System.Reflection;

[assembly: AssemblyTitle("StmNode.Node")]
[assembly: AssemblyDescription("The node: configuration, sensors, LEDs, reporting, offline buffer, supervision")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
