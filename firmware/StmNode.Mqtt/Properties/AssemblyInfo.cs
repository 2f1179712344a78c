using System.Reflection;

[assembly: AssemblyTitle("StmNode.Mqtt")]
[assembly: AssemblyDescription("MQTT 3.1.1 codec, topic rules and the MQTT session over a byte stream")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
