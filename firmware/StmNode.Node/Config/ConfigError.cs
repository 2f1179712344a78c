namespace StmNode.Config
{
    /// <summary>Why a configuration was refused: the field (JSON name) and what is wrong with it.</summary>
    public sealed class ConfigError
    {
        public ConfigError(string field, string reason)
        {
            Field = field;
            Reason = reason;
        }

        /// <summary>The offending field, as named in the JSON file (e.g. "report_period_s", "pins.led1").</summary>
        public string Field { get; private set; }

        public string Reason { get; private set; }

        public override string ToString()
        {
            return Field + ": " + Reason;
        }
    }
}
