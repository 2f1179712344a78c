namespace StmNode.Cloud
{
    /// <summary>The Alink topics of one device (protocols.md §2.3).</summary>
    public sealed class AliyunTopics
    {
        public AliyunTopics(string productKey, string deviceName)
        {
            string prefix = "/sys/" + productKey + "/" + deviceName + "/thing/";
            PropertyPost = prefix + "event/property/post";
            PropertyPostReply = prefix + "event/property/post_reply";
            PropertySet = prefix + "service/property/set";
            PropertySetReply = prefix + "service/property/set_reply";
            ServicePrefix = prefix + "service/";
            ServiceFilter = prefix + "service/+";
        }

        public string PropertyPost { get; }

        public string PropertyPostReply { get; }

        public string PropertySet { get; }

        public string PropertySetReply { get; }

        /// <summary>A service call topic is this followed by the service identifier.</summary>
        public string ServicePrefix { get; }

        /// <summary>Subscribe filter for service calls (one level: our own "…_reply" echoes are ignored when decoding).</summary>
        public string ServiceFilter { get; }

        public string ServiceReply(string identifier)
        {
            return ServicePrefix + identifier + "_reply";
        }
    }
}
