using System.Collections;
using StmNode.Json;

namespace StmNode.Cloud
{
    /// <summary>Shared steps of every downlink decoder: parse the body into an object and read typed fields, failing the <see cref="Downlink"/> with a clear reason.</summary>
    public static class CloudJson
    {
        /// <summary>Downlinks larger than this are refused before parsing (IoTDA and Alink bodies here are far smaller).</summary>
        public const int MaxPayloadBytes = 4096;

        /// <summary>The payload as a JSON object, or null with the downlink failed (too large, malformed, not an object).</summary>
        public static Hashtable ParseObject(JsonReader reader, byte[] payload, int offset, int count, Downlink downlink)
        {
            if (count > MaxPayloadBytes)
            {
                downlink.Fail(DownlinkError.TooLarge, "payload of " + count.ToString() + " bytes");
                return null;
            }

            object root = JsonTree.Parse(reader, payload, offset, count);
            if (root == null)
            {
                downlink.Fail(DownlinkError.MalformedJson,
                    JsonReadErrorText.Of(reader.Error) + " at byte " + reader.ErrorPosition.ToString());
                return null;
            }

            Hashtable body = root as Hashtable;
            if (body == null)
            {
                downlink.Fail(DownlinkError.MissingField, "body is not a JSON object");
            }

            return body;
        }

        /// <summary>The raw value of a field; null when absent, and then a required field fails the downlink.</summary>
        private static object Field(Hashtable body, string name, bool required, Downlink downlink)
        {
            object value = body[name];
            if (value == null && required)
            {
                downlink.Fail(DownlinkError.MissingField, name + " missing");
            }

            return value;
        }

        /// <summary>A string field; null when absent (and required fails the downlink) or not a string (fails it).</summary>
        public static string GetString(Hashtable body, string name, bool required, Downlink downlink)
        {
            object value = Field(body, name, required, downlink);
            if (value == null)
            {
                return null;
            }

            string text = value as string;
            if (text == null)
            {
                downlink.Fail(DownlinkError.BadFieldType, name + " is not a string");
            }

            return text;
        }

        /// <summary>An object field; null when absent (required fails) or not an object (fails).</summary>
        public static Hashtable GetObject(Hashtable body, string name, bool required, Downlink downlink)
        {
            object value = Field(body, name, required, downlink);
            if (value == null)
            {
                return null;
            }

            Hashtable member = value as Hashtable;
            if (member == null)
            {
                downlink.Fail(DownlinkError.BadFieldType, name + " is not an object");
            }

            return member;
        }

        /// <summary>An array field; null when absent (required fails) or not an array (fails).</summary>
        public static ArrayList GetArray(Hashtable body, string name, bool required, Downlink downlink)
        {
            object value = Field(body, name, required, downlink);
            if (value == null)
            {
                return null;
            }

            ArrayList items = value as ArrayList;
            if (items == null)
            {
                downlink.Fail(DownlinkError.BadFieldType, name + " is not an array");
            }

            return items;
        }

        /// <summary>An integer field; fallback when absent (required fails) or not an integer (fails).</summary>
        public static long GetLong(Hashtable body, string name, bool required, Downlink downlink)
        {
            object value = Field(body, name, required, downlink);
            if (value == null)
            {
                return 0;
            }

            if (value is long)
            {
                return (long)value;
            }

            downlink.Fail(DownlinkError.BadFieldType, name + " is not an integer");
            return 0;
        }
    }
}
