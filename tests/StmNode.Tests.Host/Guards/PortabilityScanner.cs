using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// Compiles sources with Roslyn (C# 9, as the nanoFramework project system does) and reports everything the
    /// nanoFramework stable runtime lacks: generic types and methods (own or framework, including int? and
    /// Action&lt;T&gt;), async/await, LINQ, tuples, records, yield, dynamic, decimal, multidimensional arrays, and any
    /// framework member missing from the reviewed allow-list. Each finding is "file:line: what".
    /// </summary>
    internal static class PortabilityScanner
    {
        /// <summary>How symbols are written in the allow-list: "string.Substring(int, int)", "System.Text.StringBuilder.Append(char)".</summary>
        public static readonly SymbolDisplayFormat AllowListFormat = new SymbolDisplayFormat(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private const string AssemblyName = "StmNode.Core.PortabilityScan";

        /// <summary>
        /// What shared tests may call of the test framework: the members nanoFramework.TestFramework and MSTest both have
        /// (docs/developing.md, "Shared tests"). MSTest's generic overloads bind to non-generic ones on nano, so they are
        /// not counted as generic use.
        /// </summary>
        private static readonly string[] SharedTestFrameworkMembers =
        {
            "TestClassAttribute", "TestMethodAttribute", "DataRowAttribute",
            "Assert.AreEqual", "Assert.AreNotEqual", "Assert.IsTrue", "Assert.IsFalse", "Assert.IsNull", "Assert.IsNotNull",
            "Assert.AreSame", "Assert.AreNotSame", "Assert.IsInstanceOfType", "Assert.Contains", "Assert.StartsWith",
            "Assert.EndsWith", "CollectionAssert.AreEqual"
        };

        private static readonly string TestFrameworkAssembly = typeof(Microsoft.VisualStudio.TestTools.UnitTesting.Assert).Assembly.GetName().Name;

        public static List<string> Scan(IEnumerable<KeyValuePair<string, string>> pathAndText, NanoAllowList allowList)
        {
            CSharpParseOptions parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            List<SyntaxTree> trees = pathAndText.Select(s => CSharpSyntaxTree.ParseText(s.Value, parse, s.Key)).ToList();
            CSharpCompilation compilation = CSharpCompilation.Create(
                AssemblyName,
                trees,
                FrameworkReferences().Append(MetadataReference.CreateFromFile(typeof(Microsoft.VisualStudio.TestTools.UnitTesting.Assert).Assembly.Location)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            SortedSet<string> findings = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Diagnostic error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                findings.Add(Where(error.Location) + ": does not compile as C# 9: " + error.GetMessage());
            }

            foreach (SyntaxTree tree in trees)
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                bool hot = tree.GetText().Lines.Any(l => l.ToString().TrimStart().StartsWith(HotMarker, StringComparison.Ordinal));
                foreach (SyntaxNode node in tree.GetRoot().DescendantNodesAndSelf())
                {
                    string hotProblem = hot ? HotPathProblem(node, model) : null;
                    if (hotProblem != null)
                    {
                        findings.Add(Where(node.GetLocation()) + ": " + hotProblem);
                    }

                    string syntaxProblem = SyntaxProblem(node);
                    if (syntaxProblem != null)
                    {
                        findings.Add(Where(node.GetLocation()) + ": " + syntaxProblem);
                    }

                    string stringProblem = NanoStringProblem(node, model);
                    if (stringProblem != null)
                    {
                        findings.Add(Where(node.GetLocation()) + ": " + stringProblem);
                    }

                    string formatProblem = FormatProblem(node, model);
                    if (formatProblem != null)
                    {
                        findings.Add(Where(node.GetLocation()) + ": " + formatProblem);
                    }

                    ISymbol symbol = model.GetSymbolInfo(node).Symbol;
                    if (symbol == null && node is ExpressionSyntax expression)
                    {
                        symbol = model.GetTypeInfo(expression).Type as INamedTypeSymbol;
                        if (symbol != null && !IsGeneric(symbol))
                        {
                            symbol = null; // only the generic case matters for implicit types (var, lambdas)
                        }
                    }

                    string symbolProblem = SymbolProblem(symbol, allowList, ReceiverType(node, model));
                    if (symbolProblem != null)
                    {
                        findings.Add(Where(node.GetLocation()) + ": " + symbolProblem);
                    }
                }
            }

            foreach (string p in allowList.Problems)
            {
                findings.Add(p);
            }

            return findings.ToList();
        }

        /// <summary>
        /// String searches that go wrong on nanoFramework when what they look for is empty: IndexOf throws
        /// ArgumentOutOfRangeException, and both answer -1 on an empty string (.NET: 0). StartsWith, EndsWith and
        /// Contains answer true for "" on both runtimes.
        /// </summary>
        private static readonly string[] EmptyNeedleThrows = { "IndexOf", "LastIndexOf" };

        /// <summary>
        /// Where nanoFramework's strings differ from .NET's and a static check can tell (docs/nanoframework-gaps.md):
        /// a string ends at its first U+0000, and searching for the empty string throws.
        /// </summary>
        /// <summary>Marks a file whose code runs for every byte, line or report (a comment line of its own).</summary>
        public const string HotMarker = "// nano-hot";

        /// <summary>A line the hot-path rule lets pass (rare fallbacks), with the reason after it.</summary>
        public const string HotException = "nano-hot: cold";

        /// <summary>
        /// In a file marked <see cref="HotMarker"/>: what costs far more on nanoFramework than on .NET
        /// (docs/nanoframework-gaps.md): StartsWith/EndsWith make a substring, and text[i] rescans the UTF-8 string
        /// from its start, so a loop over it is quadratic. Work on the bytes, or IndexOf(char) and the encoder.
        /// </summary>
        private static string HotPathProblem(SyntaxNode node, SemanticModel model)
        {
            if (node.SyntaxTree.GetText().Lines.GetLineFromPosition(node.SpanStart).ToString().Contains(HotException, StringComparison.Ordinal))
            {
                return null;
            }

            if (node is InvocationExpressionSyntax call && model.GetSymbolInfo(call).Symbol is IMethodSymbol method
                && method.ContainingType.SpecialType == SpecialType.System_String && (method.Name == "StartsWith" || method.Name == "EndsWith"))
            {
                return "nano-hot: string." + method.Name + " makes a substring on nanoFramework; compare bytes";
            }

            if (node is ElementAccessExpressionSyntax access && model.GetTypeInfo(access.Expression).Type?.SpecialType == SpecialType.System_String
                && access.Ancestors().Any(a => a is ForStatementSyntax || a is WhileStatementSyntax || a is DoStatementSyntax || a is ForEachStatementSyntax))
            {
                return "nano-hot: text[i] in a loop rescans the UTF-8 string on nanoFramework; loop over bytes";
            }

            return null;
        }

        private static string NanoStringProblem(SyntaxNode node, SemanticModel model)
        {
            if ((node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.IndexOf('\0') >= 0)
                || (node is InterpolatedStringTextSyntax text && text.TextToken.ValueText.IndexOf('\0') >= 0))
            {
                return "U+0000 in a string literal: a nanoFramework string ends at its first U+0000 (write the bytes instead)";
            }

            if (node is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count > 0
                && model.GetSymbolInfo(call).Symbol is IMethodSymbol method && method.ContainingType.SpecialType == SpecialType.System_String
                && EmptyNeedleThrows.Contains(method.Name) && method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                Optional<object> needle = model.GetConstantValue(call.ArgumentList.Arguments[0].Expression);
                if (needle.HasValue && needle.Value is string empty && empty.Length == 0)
                {
                    return method.Name + "(\"\") throws or answers -1 on nanoFramework (.NET answers 0): handle the empty case first";
                }
            }

            return null;
        }

        /// <summary>nanoFramework's ToString and string.Format know only the D, F, G, N and X specifiers (no "0.0", no "yyyy").</summary>
        private static string FormatProblem(SyntaxNode node, SemanticModel model)
        {
            if (node is InterpolationFormatClauseSyntax clause)
            {
                return BadSpecifier(clause.FormatStringToken.ValueText);
            }

            if (node is not InvocationExpressionSyntax call || call.ArgumentList.Arguments.Count == 0
                || call.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            string text = literal.Token.ValueText;
            if (method.Name == "ToString" && method.Parameters.Length >= 1)
            {
                return BadSpecifier(text);
            }

            if (method.Name == "Format" && method.ContainingType.SpecialType == SpecialType.System_String)
            {
                foreach (System.Text.RegularExpressions.Match item in System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+(,-?\d+)?(:(?<f>[^}]*))?\}"))
                {
                    string problem = item.Groups["f"].Success ? BadSpecifier(item.Groups["f"].Value) : null;
                    if (problem != null)
                    {
                        return problem;
                    }
                }
            }

            return null;
        }

        private static string BadSpecifier(string format)
        {
            return System.Text.RegularExpressions.Regex.IsMatch(format, "^[DdFfGgNnXx][0-9]{0,2}$")
                ? null
                : "format \"" + format + "\" (nanoFramework supports only D, F, G, N and X specifiers)";
        }

        private static string SyntaxProblem(SyntaxNode node)
        {
            switch (node)
            {
                case TypeParameterListSyntax _:
                    return "declares a generic type or method (nanoFramework's stable runtime has no generics)";
                case NullableTypeSyntax _:
                    return "nullable value type (Nullable<T> is generic)";
                case TupleTypeSyntax _:
                case TupleExpressionSyntax _:
                    return "tuple (ValueTuple is generic)";
                case AwaitExpressionSyntax _:
                    return "await (no async/Task on nanoFramework)";
                case QueryExpressionSyntax _:
                    return "LINQ query";
                case RecordDeclarationSyntax _:
                    return "record type";
                case YieldStatementSyntax _:
                    return "yield (iterators are not supported)";
                case ArrayRankSpecifierSyntax rank when rank.Rank > 1:
                    return "multidimensional array (use a jagged array)";
                case IdentifierNameSyntax id when id.Identifier.Text == "dynamic" && id.Parent is not MemberAccessExpressionSyntax:
                    return "dynamic";
                case PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.DecimalKeyword):
                    return "decimal";
                case UsingDirectiveSyntax usingDirective when usingDirective.Name != null && usingDirective.Name.ToString() is string name
                    && (name.StartsWith("System.Linq", StringComparison.Ordinal) || name.StartsWith("System.Threading.Tasks", StringComparison.Ordinal)
                        || name == "System.Collections.Generic" || name.StartsWith("System.Text.Json", StringComparison.Ordinal)):
                    return "using " + name + " (not available on nanoFramework)";
                case MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.AsyncKeyword):
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.AsyncKeyword):
                case AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword):
                    return "async (no async/Task on nanoFramework)";
                default:
                    return null;
            }
        }

        /// <summary>The static type a member is reached through (x in x.M()), which may derive from the declaring type.</summary>
        private static ITypeSymbol ReceiverType(SyntaxNode node, SemanticModel model)
        {
            if (node is InvocationExpressionSyntax invocation)
            {
                node = invocation.Expression;
            }
            else if (node is SimpleNameSyntax name && node.Parent is MemberAccessExpressionSyntax parent && parent.Name == name)
            {
                node = parent;
            }

            return node is MemberAccessExpressionSyntax access ? model.GetTypeInfo(access.Expression).Type : null;
        }

        /// <summary>
        /// The names a member may be listed under: as declared, as reached through a derived type (nano declares
        /// AutoResetEvent.Set where .NET declares EventWaitHandle.Set), and as the member it overrides (.NET overrides
        /// ArgumentOutOfRangeException.Message, nano inherits Exception.Message).
        /// </summary>
        private static IEnumerable<string> ListedNames(ISymbol symbol, ITypeSymbol receiver)
        {
            string display = symbol.ToDisplayString(AllowListFormat);
            yield return display;
            if (symbol.ContainingType == null || symbol is INamedTypeSymbol)
            {
                yield break;
            }

            string owner = symbol.ContainingType.ToDisplayString(AllowListFormat);
            if (display.StartsWith(owner + ".", StringComparison.Ordinal))
            {
                string member = display.Substring(owner.Length);
                for (ITypeSymbol t = receiver; t != null && !SymbolEqualityComparer.Default.Equals(t, symbol.ContainingType); t = t.BaseType)
                {
                    yield return t.ToDisplayString(AllowListFormat) + member;
                }
            }

            ISymbol overridden = (symbol as IMethodSymbol)?.OverriddenMethod ?? (ISymbol)(symbol as IPropertySymbol)?.OverriddenProperty;
            while (overridden != null)
            {
                yield return overridden.ToDisplayString(AllowListFormat);
                overridden = (overridden as IMethodSymbol)?.OverriddenMethod ?? (ISymbol)(overridden as IPropertySymbol)?.OverriddenProperty;
            }
        }

        private static string SymbolProblem(ISymbol symbol, NanoAllowList allowList, ITypeSymbol receiver)
        {
            if (symbol == null || symbol is INamespaceSymbol || symbol is ILocalSymbol || symbol is IParameterSymbol
                || symbol is ITypeParameterSymbol || symbol is ILabelSymbol || symbol is IRangeVariableSymbol || symbol is IDiscardSymbol)
            {
                return null;
            }

            if (symbol is IMethodSymbol builtin && builtin.MethodKind == MethodKind.BuiltinOperator)
            {
                return null;
            }

            if (symbol.ContainingAssembly != null && symbol.ContainingAssembly.Name == TestFrameworkAssembly)
            {
                string name = symbol is INamedTypeSymbol ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;
                if (symbol is IMethodSymbol ctor && ctor.MethodKind == MethodKind.Constructor)
                {
                    name = ctor.ContainingType.Name;
                }

                return SharedTestFrameworkMembers.Contains(name) || symbol.Name == "Assert" || symbol.Name == "CollectionAssert"
                    ? null
                    : name + " is not available on both test runners (use the Expect helper or another Assert member)";
            }

            if (IsGeneric(symbol))
            {
                return "generic " + symbol.Kind.ToString().ToLowerInvariant() + " " + symbol.ToDisplayString(AllowListFormat) + " (nanoFramework's stable runtime has no generics)";
            }

            if (symbol.ContainingAssembly == null || symbol.ContainingAssembly.Name == AssemblyName)
            {
                return null; // Core's own code, arrays, pointers
            }

            if (symbol is IMethodSymbol reduced && reduced.ReducedFrom != null)
            {
                return "extension method " + reduced.ReducedFrom.ToDisplayString(AllowListFormat) + " (not in NanoApi.allowlist)";
            }

            return ListedNames(symbol, receiver).Any(allowList.Allows)
                ? null
                : symbol.ToDisplayString(AllowListFormat) + " is not in NanoApi.allowlist (check the nanoFramework source, then add it)";
        }

        private static bool IsGeneric(ISymbol symbol)
        {
            switch (symbol)
            {
                case INamedTypeSymbol type:
                    return type.IsGenericType || (type.ContainingType != null && IsGeneric(type.ContainingType));
                case IMethodSymbol method:
                    return method.IsGenericMethod || (method.ContainingType != null && IsGeneric(method.ContainingType));
                case IPropertySymbol property:
                    return property.ContainingType != null && IsGeneric(property.ContainingType);
                case IFieldSymbol field:
                    return field.ContainingType != null && IsGeneric(field.ContainingType);
                case IEventSymbol evt:
                    return IsGeneric(evt.Type) || (evt.ContainingType != null && IsGeneric(evt.ContainingType));
                default:
                    return false;
            }
        }

        private static string Where(Location location)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            return Path.GetFileName(span.Path) == span.Path
                ? span.Path + ":" + (span.StartLinePosition.Line + 1)
                : RelativeToRepo(span.Path) + ":" + (span.StartLinePosition.Line + 1);
        }

        private static string RelativeToRepo(string path)
        {
            try
            {
                return Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
            }
            catch (InvalidOperationException)
            {
                return path;
            }
        }

        internal static IEnumerable<MetadataReference> FrameworkReferences()
        {
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES");
            return tpa.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "mscorlib.dll" || Path.GetFileName(p) == "netstandard.dll")
                .Select(p => MetadataReference.CreateFromFile(p));
        }
    }
}
