namespace StmNode.Cloud
{
    /// <summary>Ordinal topic comparisons (.NET's string StartsWith/EndsWith are culture-sensitive; topics are bytes).</summary>
    public static class TopicText
    {
        public static bool StartsWith(string text, string prefix)
        {
            if (text == null || prefix == null || text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static bool EndsWith(string text, string suffix)
        {
            if (text == null || suffix == null || text.Length < suffix.Length)
            {
                return false;
            }

            int offset = text.Length - suffix.Length;
            for (int i = 0; i < suffix.Length; i++)
            {
                if (text[offset + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Ordinal position of value in text at or after start, or -1.</summary>
        public static int IndexOf(string text, string value, int start)
        {
            for (int at = start; at + value.Length <= text.Length; at++)
            {
                int i = 0;
                while (i < value.Length && text[at + i] == value[i])
                {
                    i++;
                }

                if (i == value.Length)
                {
                    return at;
                }
            }

            return -1;
        }

        /// <summary>
        /// The part of topic between prefix and suffix when it is a single non-empty topic level (a request id or an
        /// Alink service identifier), else null.
        /// </summary>
        public static string Between(string topic, string prefix, string suffix)
        {
            if (topic == null || topic.Length <= prefix.Length + suffix.Length || !StartsWith(topic, prefix) || !EndsWith(topic, suffix))
            {
                return null;
            }

            string middle = topic.Substring(prefix.Length, topic.Length - prefix.Length - suffix.Length);
            return middle.IndexOf('/') < 0 ? middle : null;
        }
    }
}
