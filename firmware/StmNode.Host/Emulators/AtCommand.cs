#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// A parsed command line: <c>AT+QMTOPEN=0,"host",1883</c> has name <c>+QMTOPEN</c>, kind Set and three parameters.
    /// Basic commands keep their letter as name and the rest as <see cref="ArgumentText"/> (<c>ATE0</c>: name E, argument 0).
    /// </summary>
    public sealed class AtCommand
    {
        private AtCommand(string line, string name, AtCommandKind kind, string argumentText, IReadOnlyList<AtParameter> parameters)
        {
            Line = line;
            Name = name;
            Kind = kind;
            ArgumentText = argumentText;
            Parameters = parameters;
        }

        public string Line { get; }

        public string Name { get; }

        public AtCommandKind Kind { get; }

        public string ArgumentText { get; }

        public IReadOnlyList<AtParameter> Parameters { get; }

        public int Count => Parameters.Count;

        /// <summary>Parses a line that starts with AT. With <paramref name="backslashEscapes"/> quoted strings use ESP-AT escaping.</summary>
        public static AtCommand Parse(string line, bool backslashEscapes)
        {
            string body = line.Substring(2);
            if (body.Length == 0)
            {
                return new AtCommand(line, string.Empty, AtCommandKind.Execute, string.Empty, Array.Empty<AtParameter>());
            }

            char first = body[0];
            if (first != '+' && first != '$' && first != '&' && first != '^')
            {
                string letter = char.ToUpperInvariant(first).ToString();
                return new AtCommand(line, letter, AtCommandKind.Execute, body.Substring(1), Array.Empty<AtParameter>());
            }

            int end = body.IndexOfAny(new[] { '=', '?' });
            if (end < 0)
            {
                return new AtCommand(line, body.ToUpperInvariant(), AtCommandKind.Execute, string.Empty, Array.Empty<AtParameter>());
            }

            string name = body.Substring(0, end).ToUpperInvariant();
            string rest = body.Substring(end);
            if (rest == "?")
            {
                return new AtCommand(line, name, AtCommandKind.Read, string.Empty, Array.Empty<AtParameter>());
            }

            if (rest == "=?")
            {
                return new AtCommand(line, name, AtCommandKind.Test, string.Empty, Array.Empty<AtParameter>());
            }

            if (rest[0] != '=')
            {
                return new AtCommand(line, name, AtCommandKind.Execute, rest, Array.Empty<AtParameter>());
            }

            string args = rest.Substring(1);
            return new AtCommand(line, name, AtCommandKind.Set, args, SplitParameters(args, backslashEscapes));
        }

        /// <summary>Splits on commas outside quotes; an unterminated quote makes the whole command malformed (null).</summary>
        private static IReadOnlyList<AtParameter> SplitParameters(string args, bool backslashEscapes)
        {
            var result = new List<AtParameter>();
            var current = new StringBuilder();
            bool quoted = false;
            bool inQuotes = false;
            for (int i = 0; i < args.Length; i++)
            {
                char c = args[i];
                if (inQuotes)
                {
                    if (backslashEscapes && c == '\\' && i + 1 < args.Length)
                    {
                        current.Append(args[++i]);
                    }
                    else if (c == '"')
                    {
                        inQuotes = false;
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
                else if (c == '"')
                {
                    inQuotes = true;
                    quoted = true;
                }
                else if (c == ',')
                {
                    result.Add(new AtParameter(quoted ? current.ToString() : current.ToString().Trim(), quoted));
                    current.Clear();
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }

            if (inQuotes)
            {
                // Unbalanced quotes: a single parameter nobody accepts as valid.
                return new[] { new AtParameter("\u0000unterminated", false) };
            }

            result.Add(new AtParameter(quoted ? current.ToString() : current.ToString().Trim(), quoted));
            return result;
        }

        /// <summary>The integer parameter <paramref name="index"/> within [min, max], else a +CME ERROR: 50.</summary>
        public int Int(int index, int min, int max)
        {
            if (index >= Parameters.Count || Parameters[index].Quoted
                || !int.TryParse(Parameters[index].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
                || value < min || value > max)
            {
                throw new AtParameterException(50);
            }

            return value;
        }

        /// <summary>Like <see cref="Int"/> but an absent or empty parameter gives <paramref name="fallback"/>.</summary>
        public int IntOr(int index, int min, int max, int fallback)
        {
            return index >= Parameters.Count || Parameters[index].IsEmpty ? fallback : Int(index, min, max);
        }

        /// <summary>The quoted string parameter <paramref name="index"/>, at most <paramref name="maxLength"/> bytes, else +CME ERROR: 50.</summary>
        public string Str(int index, int maxLength)
        {
            if (index >= Parameters.Count || !Parameters[index].Quoted || Encoding.UTF8.GetByteCount(Parameters[index].Value) > maxLength)
            {
                throw new AtParameterException(50);
            }

            return Parameters[index].Value;
        }

        /// <summary>Like <see cref="Str"/> but an absent parameter gives <paramref name="fallback"/>.</summary>
        public string StrOr(int index, int maxLength, string fallback)
        {
            return index >= Parameters.Count ? fallback : Str(index, maxLength);
        }

        public bool IsQuoted(int index) => index < Parameters.Count && Parameters[index].Quoted;
    }
}
