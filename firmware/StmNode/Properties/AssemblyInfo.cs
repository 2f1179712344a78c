using System.Reflection;

[assembly: AssemblyTitle("StmNode")]
[assembly: AssemblyDescription("StmNode ESP32 sensor node firmware")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
