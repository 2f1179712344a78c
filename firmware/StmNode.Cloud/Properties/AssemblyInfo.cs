using System.Reflection;

[assembly: AssemblyTitle("StmNode.Cloud")]
[assembly: AssemblyDescription("Huawei IoTDA, Aliyun and generic MQTT cloud profiles")]
[assembly: AssemblyProduct("StmNode")]
[assembly: AssemblyCopyright("Copyright (c) StmNode contributors")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
