using System.Reflection;

[assembly: AssemblyTitle("StmNode.Modems")]
[assembly: AssemblyDescription("AT channel and the Quectel BC26/EC20 and ESP-AT drivers and MQTT links")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
