using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StmNode.Tests.Guards
{
    /// <summary>
    /// The shape rules a shared test must keep to run on the nanoFramework runner as well as on MSTest
    /// (docs/developing.md, "Shared tests"): a violation there does not fail, it silently stops later test classes from
    /// running, so it is caught here instead.
    /// </summary>
    internal static class SharedTestShapeCheck
    {
        public static List<string> Check(string path, string text)
        {
            List<string> findings = new List<string>();
            SyntaxTree tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp9), path);
            foreach (ClassDeclarationSyntax type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => HasAttribute(c.AttributeLists, "TestClass")))
            {
                foreach (FieldDeclarationSyntax field in type.Members.OfType<FieldDeclarationSyntax>().Where(f => !f.Modifiers.Any(SyntaxKind.ConstKeyword)))
                {
                    findings.Add(Where(field) + ": a test class has no fields (the nano launcher calls tests with a null this)");
                }

                foreach (MethodDeclarationSyntax method in type.Members.OfType<MethodDeclarationSyntax>())
                {
                    bool test = HasAttribute(method.AttributeLists, "TestMethod");
                    bool rows = HasAttribute(method.AttributeLists, "DataRow");
                    if (HasAttribute(method.AttributeLists, "Setup") || HasAttribute(method.AttributeLists, "TestInitialize")
                        || HasAttribute(method.AttributeLists, "Cleanup") || HasAttribute(method.AttributeLists, "TestCleanup"))
                    {
                        findings.Add(Where(method) + ": no setup/cleanup methods in shared tests; build what a test needs inside it");
                    }

                    if (!test && !rows)
                    {
                        continue;
                    }

                    if (!test)
                    {
                        findings.Add(Where(method) + ": [DataRow] without [TestMethod] (MSTest needs both)");
                    }

                    if (method.Modifiers.Any(SyntaxKind.StaticKeyword) || !method.Modifiers.Any(SyntaxKind.PublicKeyword))
                    {
                        findings.Add(Where(method) + ": a test method is a public instance method");
                    }

                    foreach (AttributeSyntax row in Attributes(method.AttributeLists, "DataRow"))
                    {
                        CheckRow(method, row, findings);
                    }
                }
            }

            return findings;
        }

        private static void CheckRow(MethodDeclarationSyntax method, AttributeSyntax row, List<string> findings)
        {
            SeparatedSyntaxList<AttributeArgumentSyntax> args = row.ArgumentList == null ? default : row.ArgumentList.Arguments;
            SeparatedSyntaxList<ParameterSyntax> parameters = method.ParameterList.Parameters;
            if (args.Count != parameters.Count)
            {
                findings.Add(Where(row) + ": [DataRow] has " + args.Count + " values for " + parameters.Count + " parameters");
                return;
            }

            for (int i = 0; i < args.Count; i++)
            {
                string type = parameters[i].Type.ToString();
                string problem = ValueProblem(args[i].Expression, type);
                if (problem != null)
                {
                    findings.Add(Where(row) + ": [DataRow] value " + (i + 1) + " (" + args[i].Expression + ") for " + type + ": " + problem);
                }
            }
        }

        /// <summary>Only constants whose type matches the parameter exactly: int, long (L), double, bool, string.</summary>
        private static string ValueProblem(ExpressionSyntax value, string type)
        {
            if (value is PrefixUnaryExpressionSyntax negative && negative.IsKind(SyntaxKind.UnaryMinusExpression))
            {
                value = negative.Operand;
            }

            if (value is CastExpressionSyntax cast && cast.Type.ToString() == type && type == "int" && cast.Expression is MemberAccessExpressionSyntax)
            {
                return null; // (int)SomeEnum.Member: the compiler stores a plain int constant, which is what nano needs
            }

            if (value is not LiteralExpressionSyntax literal)
            {
                return "use a literal (no enums, arrays, typeof or expressions; pass enums as int)";
            }

            string token = literal.Token.Text;
            switch (literal.Kind())
            {
                case SyntaxKind.NullLiteralExpression:
                    return "null crashes the nanoFramework metadata processor";
                case SyntaxKind.CharacterLiteralExpression:
                    return "char values break the nano runner; pass an int or a string";
                case SyntaxKind.StringLiteralExpression:
                    return type == "string" ? null : "a string for a " + type + " parameter";
                case SyntaxKind.TrueLiteralExpression:
                case SyntaxKind.FalseLiteralExpression:
                    return type == "bool" ? null : "a bool for a " + type + " parameter";
                case SyntaxKind.NumericLiteralExpression:
                    string kind = token.EndsWith("L", StringComparison.OrdinalIgnoreCase) ? "long"
                        : token.EndsWith("d", StringComparison.OrdinalIgnoreCase) || token.Contains('.') || (token.Contains('e') && !token.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) || token.Contains('E') ? "double"
                        : token.EndsWith("f", StringComparison.OrdinalIgnoreCase) || token.EndsWith("m", StringComparison.OrdinalIgnoreCase) || token.EndsWith("u", StringComparison.OrdinalIgnoreCase) ? "other"
                        : "int";
                    return kind == type ? null : "a " + kind + " literal for a " + type + " parameter (types must match exactly)";
                default:
                    return "unsupported literal";
            }
        }

        private static bool HasAttribute(SyntaxList<AttributeListSyntax> lists, string name)
        {
            return Attributes(lists, name).Any();
        }

        private static IEnumerable<AttributeSyntax> Attributes(SyntaxList<AttributeListSyntax> lists, string name)
        {
            return lists.SelectMany(l => l.Attributes).Where(a =>
            {
                string n = a.Name.ToString();
                int dot = n.LastIndexOf('.');
                n = dot >= 0 ? n.Substring(dot + 1) : n;
                return n == name || n == name + "Attribute";
            });
        }

        private static string Where(SyntaxNode node)
        {
            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
            return span.Path + ":" + (span.StartLinePosition.Line + 1);
        }
    }
}
