#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>The four V.250 command forms.</summary>
    public enum AtCommandKind
    {
        /// <summary><c>AT+X</c> or a basic command such as <c>ATE0</c>.</summary>
        Execute,

        /// <summary><c>AT+X?</c></summary>
        Read,

        /// <summary><c>AT+X=?</c></summary>
        Test,

        /// <summary><c>AT+X=…</c></summary>
        Set,
    }
}
