#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>One comma-separated parameter of an AT command; <see cref="Quoted"/> tells a string from a number.</summary>
    public readonly record struct AtParameter(string Value, bool Quoted)
    {
        public bool IsEmpty => !Quoted && Value.Length == 0;
    }
}
