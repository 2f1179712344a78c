using System.Collections;

namespace StmNode.Json
{
    /// <summary>
    /// Reads a whole JSON document into plain values: objects become Hashtable (name → value; a repeated name
    /// keeps the last value), arrays ArrayList, integers that fit long, other numbers double, strings string,
    /// true/false bool, null <see cref="JsonNull.Value"/>. Meant for small downlinks; the reader's limits bound it.
    /// </summary>
    public static class JsonTree
    {
        /// <summary>The document's value, or null when the input is not acceptable (reader.Error tells why and where).</summary>
        public static object Parse(JsonReader reader, byte[] data, int offset, int count)
        {
            reader.Reset(data, offset, count);
            if (!reader.Read())
            {
                return null;
            }

            object root = ReadValue(reader);
            if (root == null)
            {
                return null;
            }

            // The document must end here: anything but white space after the value is an error.
            reader.Read();
            return reader.Error == JsonReadError.None ? root : null;
        }

        // Reads the value the reader is on; null on an error.
        private static object ReadValue(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    return ReadObject(reader);
                case JsonTokenType.StartArray:
                    return ReadArray(reader);
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    if (reader.IsInteger)
                    {
                        return reader.LongValue;
                    }

                    return reader.DoubleValue;
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Null:
                    return JsonNull.Value;
                default:
                    return null;
            }
        }

        private static object ReadObject(JsonReader reader)
        {
            Hashtable members = new Hashtable();
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return members;
                }

                string name = reader.GetString();
                if (!reader.Read())
                {
                    return null;
                }

                object value = ReadValue(reader);
                if (value == null)
                {
                    return null;
                }

                members[name] = value;
            }

            return null;
        }

        private static object ReadArray(JsonReader reader)
        {
            ArrayList items = new ArrayList();
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return items;
                }

                object value = ReadValue(reader);
                if (value == null)
                {
                    return null;
                }

                items.Add(value);
            }

            return null;
        }
    }
}
