namespace StmNode.Cloud
{
    /// <summary>
    /// A topic with {device_id} filled in and an optional {request_id} level: it gives the subscribe filter
    /// ('+' in place of the id), builds a topic for an id, and reads the id back out of a received topic.
    /// </summary>
    public sealed class TopicTemplate
    {
        public const string DeviceIdPlaceholder = "{device_id}";
        public const string RequestIdPlaceholder = "{request_id}";

        private readonly string _prefix;
        private readonly string _suffix;

        public TopicTemplate(string template, string deviceId)
        {
            string topic = Replace(template == null ? "" : template, DeviceIdPlaceholder, deviceId == null ? "" : deviceId);
            int at = TopicText.IndexOf(topic, RequestIdPlaceholder, 0);
            HasRequestId = at >= 0;
            _prefix = HasRequestId ? topic.Substring(0, at) : topic;
            _suffix = HasRequestId ? topic.Substring(at + RequestIdPlaceholder.Length) : "";
            Error = Check(topic);
        }

        public bool HasRequestId { get; }

        /// <summary>Null when the template is usable, else why not.</summary>
        public string Error { get; }

        /// <summary>The filter to subscribe to.</summary>
        public string Filter
        {
            get { return HasRequestId ? _prefix + "+" + _suffix : _prefix; }
        }

        /// <summary>The topic for a request id (ignored when the template has none).</summary>
        public string Format(string requestId)
        {
            return HasRequestId ? _prefix + requestId + _suffix : _prefix;
        }

        /// <summary>The request id in topic ("" when the template has none), or null when topic does not match.</summary>
        public string Match(string topic)
        {
            if (!HasRequestId)
            {
                return topic == _prefix ? "" : null;
            }

            return TopicText.Between(topic, _prefix, _suffix);
        }

        private string Check(string topic)
        {
            if (topic.Length == 0)
            {
                return "topic template is empty";
            }

            if (topic.IndexOf('+') >= 0 || topic.IndexOf('#') >= 0)
            {
                return "topic template must not contain '+' or '#'";
            }

            if (HasRequestId)
            {
                bool levelStart = _prefix.Length == 0 || _prefix[_prefix.Length - 1] == '/';
                bool levelEnd = _suffix.Length == 0 || _suffix[0] == '/';
                if (!levelStart || !levelEnd || TopicText.IndexOf(_suffix, RequestIdPlaceholder, 0) >= 0)
                {
                    return "{request_id} must be one whole topic level, once";
                }
            }

            return null;
        }

        private static string Replace(string text, string placeholder, string value)
        {
            int at = TopicText.IndexOf(text, placeholder, 0);
            while (at >= 0)
            {
                text = text.Substring(0, at) + value + text.Substring(at + placeholder.Length);
                at = TopicText.IndexOf(text, placeholder, at + value.Length);
            }

            return text;
        }
    }
}
