namespace StmNode.Json
{
    /// <summary>Stands for JSON null in trees built by <see cref="JsonTree"/> (collections here cannot hold "no value" clearly).</summary>
    public sealed class JsonNull
    {
        public static readonly JsonNull Value = new JsonNull();

        private JsonNull()
        {
        }
    }
}
