using System.Collections;

namespace StmNode.At
{
    /// <summary>Splits the parameters of a response line ("0,\"a,b\",3") and parses numbers without throwing.</summary>
    public static class AtFields
    {
        /// <summary>The comma-separated fields, trimmed, with surrounding quotes removed; commas inside quotes are kept.</summary>
        public static string[] Split(string text)
        {
            ArrayList fields = new ArrayList();
            if (text == null)
            {
                return new string[0];
            }

            int start = 0;
            bool quoted = false;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (i == text.Length || (text[i] == ',' && !quoted))
                {
                    fields.Add(Unquote(text.Substring(start, i - start).Trim()));
                    start = i + 1;
                }
            }

            string[] result = new string[fields.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)fields[i];
            }

            return result;
        }

        public static string Unquote(string value)
        {
            if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
            {
                return value.Substring(1, value.Length - 2);
            }

            return value;
        }

        /// <summary>Parses an optionally negative base-10 integer of at most 9 digits; false on anything else.</summary>
        public static bool TryParseInt(string text, out int value)
        {
            value = 0;
            if (text == null)
            {
                return false;
            }

            int i = 0;
            bool negative = text.Length > 0 && text[0] == '-';
            if (negative)
            {
                i = 1;
            }

            if (text.Length == i || text.Length - i > 9)
            {
                return false;
            }

            for (; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    value = 0;
                    return false;
                }

                value = value * 10 + (text[i] - '0');
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        /// <summary>Field index as an int, or fallback when missing or not a number.</summary>
        public static int IntAt(string[] fields, int index, int fallback)
        {
            int value;
            return index < fields.Length && TryParseInt(fields[index], out value) ? value : fallback;
        }
    }
}
