using StmNode.Text;

namespace StmNode.Mqtt
{
    /// <summary>MQTT 3.1.1 topic rules (§4.7): names and filters, wildcards, '$' topics, UTF-8 and length limits.</summary>
    public static class MqttTopic
    {
        /// <summary>Largest string MQTT can carry: the 2-byte length prefix.</summary>
        public const int MaxLength = 65535;

        /// <summary>Checks a topic name for PUBLISH: 1..65535 UTF-8 bytes, no U+0000, no '+' or '#' [MQTT-4.7.1-1].</summary>
        public static MqttError CheckName(string topic)
        {
            if (topic == null || topic.Length == 0)
            {
                return MqttError.EmptyTopic;
            }

            // IndexOf(char) is a native scan on nanoFramework; a loop over topic[i] rescans the UTF-8 string each time.
            if (topic.IndexOf('\0') >= 0)
            {
                return MqttError.NullCharacter;
            }

            if (topic.IndexOf('+') >= 0 || topic.IndexOf('#') >= 0)
            {
                return MqttError.WildcardInTopicName;
            }

            return CheckEncodedLength(topic);
        }

        /// <summary>
        /// Checks a topic filter for SUBSCRIBE/UNSUBSCRIBE: like a name, but '+' may fill a whole level and '#' may be
        /// the last level only [MQTT-4.7.1-2/3].
        /// </summary>
        public static MqttError CheckFilter(string filter)
        {
            if (filter == null || filter.Length == 0)
            {
                return MqttError.EmptyTopic;
            }

            int last = filter.Length - 1;
            for (int i = 0; i <= last; i++)
            {
                char c = filter[i];
                if (c == '\0')
                {
                    return MqttError.NullCharacter;
                }

                bool levelStart = i == 0 || filter[i - 1] == '/';
                if (c == '#' && (!levelStart || i != last))
                {
                    return MqttError.InvalidWildcard;
                }

                if (c == '+' && (!levelStart || (i != last && filter[i + 1] != '/')))
                {
                    return MqttError.InvalidWildcard;
                }
            }

            return CheckEncodedLength(filter);
        }

        /// <summary>
        /// Checks a received topic name in place (well-formed UTF-8, no U+0000, no wildcard, 1..65535 bytes).
        /// badIndex is the buffer index of the offending byte, or -1.
        /// </summary>
        public static MqttError CheckName(byte[] buffer, int offset, int count, out int badIndex)
        {
            if (count <= 0)
            {
                badIndex = offset;
                return MqttError.EmptyTopic;
            }

            MqttError utf8 = MqttUtf8.Check(buffer, offset, count, out badIndex);
            if (utf8 != MqttError.None)
            {
                return utf8;
            }

            // '+' and '#' are ASCII, so they can never be part of a multi-byte sequence.
            for (int i = offset; i < offset + count; i++)
            {
                if (buffer[i] == (byte)'+' || buffer[i] == (byte)'#')
                {
                    badIndex = i;
                    return MqttError.WildcardInTopicName;
                }
            }

            badIndex = -1;
            return MqttError.None;
        }

        /// <summary>
        /// True when the topic name matches the filter. Filters starting with a wildcard never match topics starting
        /// with '$' [MQTT-4.7.2-1]; "a/#" also matches "a" (the parent level).
        /// </summary>
        public static bool Matches(string filter, string topic)
        {
            if (filter == null || topic == null || filter.Length == 0 || topic.Length == 0)
            {
                return false;
            }

            if (topic[0] == '$' && (filter[0] == '+' || filter[0] == '#'))
            {
                return false;
            }

            int f = 0;
            int t = 0;
            while (true)
            {
                int fEnd = LevelEnd(filter, f);
                int tEnd = LevelEnd(topic, t);
                if (fEnd - f == 1 && filter[f] == '#')
                {
                    return true;
                }

                bool single = fEnd - f == 1 && filter[f] == '+';
                if (!single && !SameLevel(filter, f, fEnd, topic, t, tEnd))
                {
                    return false;
                }

                bool filterDone = fEnd == filter.Length;
                bool topicDone = tEnd == topic.Length;
                if (filterDone || topicDone)
                {
                    // Only "/#" may be left of the filter when the topic has run out of levels.
                    return filterDone
                        ? topicDone
                        : fEnd + 2 == filter.Length && filter[fEnd + 1] == '#';
                }

                f = fEnd + 1;
                t = tEnd + 1;
            }
        }

        private static MqttError CheckEncodedLength(string text)
        {
            int bytes = MqttUtf8.ByteCount(text);
            if (bytes < 0)
            {
                return MqttError.InvalidUtf8;
            }

            return bytes > MaxLength ? MqttError.StringTooLong : MqttError.None;
        }

        private static int LevelEnd(string text, int start)
        {
            int slash = text.IndexOf('/', start);
            return slash < 0 ? text.Length : slash;
        }

        private static bool SameLevel(string a, int aStart, int aEnd, string b, int bStart, int bEnd)
        {
            if (aEnd - aStart != bEnd - bStart)
            {
                return false;
            }

            for (int i = 0; i < aEnd - aStart; i++)
            {
                if (a[aStart + i] != b[bStart + i])
                {
                    return false;
                }

                if (Utf16.IsPairAt(a, aStart + i))
                {
                    // nanoFramework's indexer reads a pair's low half as its high half: compare the pair as a whole.
                    if (a.Substring(aStart + i, 2) != b.Substring(bStart + i, 2))
                    {
                        return false;
                    }

                    i++;
                }
            }

            return true;
        }
    }
}
