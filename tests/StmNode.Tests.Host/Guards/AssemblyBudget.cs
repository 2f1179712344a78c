using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// Keeps every nanoFramework assembly of the repository convertible with headroom. The MetadataProcessor refuses
    /// an assembly whose byte code or string table passes 64 KB (both are addressed with 16-bit offsets); the budget is
    /// 48 KB of each. Measured on the Debug build (what Deploy and Test Explorer convert) of the very source list, read
    /// with System.Reflection.Metadata: IL is the sum of the method bodies, strings are the #Strings heap plus every
    /// user string as UTF-8 with its terminator. Both read a little above what the MetadataProcessor emits (it drops
    /// parameter names and shares its own constants), so the budget errs on the safe side; tools/nano-test reads the
    /// real tables from each .pe.
    /// </summary>
    internal static class AssemblyBudget
    {
        public const int MaxIlBytes = 48 * 1024;
        public const int MaxStringBytes = 48 * 1024;

        public sealed class Size
        {
            public string Name;
            public int IlBytes;
            public int StringBytes;
        }

        /// <summary>Compiles sources as nanoFramework's Debug build would (C# 9, no optimization) and returns the image.</summary>
        public static byte[] CompileDebug(string name, IEnumerable<KeyValuePair<string, string>> sources, IEnumerable<MetadataReference> references)
        {
            CSharpParseOptions parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "DEBUG", "TRACE" });
            CSharpCompilation compilation = CSharpCompilation.Create(
                name,
                sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, parse, s.Key)),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Debug, nullableContextOptions: NullableContextOptions.Disable));
            using MemoryStream image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                throw new InvalidOperationException(name + " does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
            }

            return image.ToArray();
        }

        public static Size Measure(string name, byte[] image)
        {
            using PEReader pe = new PEReader(new MemoryStream(image));
            MetadataReader md = pe.GetMetadataReader();
            int il = 0;
            foreach (MethodDefinitionHandle handle in md.MethodDefinitions)
            {
                int rva = md.GetMethodDefinition(handle).RelativeVirtualAddress;
                if (rva != 0)
                {
                    il += pe.GetMethodBody(rva).Size;
                }
            }

            int strings = md.GetHeapSize(HeapIndex.String);
            for (UserStringHandle us = MetadataTokens.UserStringHandle(1); md.GetHeapSize(HeapIndex.UserString) > 1 && !us.IsNil; us = md.GetNextHandle(us))
            {
                strings += Encoding.UTF8.GetByteCount(md.GetUserString(us)) + 1;
            }

            return new Size { Name = name, IlBytes = il, StringBytes = strings };
        }

        public static List<string> Check(Size size)
        {
            List<string> problems = new List<string>();
            if (size.IlBytes > MaxIlBytes)
            {
                problems.Add(size.Name + ": " + size.IlBytes + " B of IL in Debug, over the budget of " + MaxIlBytes + " B (nanoFramework refuses more than 64 KB of byte code): split the assembly.");
            }

            if (size.StringBytes > MaxStringBytes)
            {
                problems.Add(size.Name + ": " + size.StringBytes + " B of strings, over the budget of " + MaxStringBytes + " B (nanoFramework's string table holds 64 KB): split the assembly.");
            }

            return problems;
        }
    }
}
