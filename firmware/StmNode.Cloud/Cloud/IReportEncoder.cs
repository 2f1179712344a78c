using System;
using StmNode.Json;

namespace StmNode.Cloud
{
    /// <summary>
    /// Builds one property report in the profile's JSON shape, straight into a caller buffer and without
    /// allocating: Begin → BeginService → Add… (only the readings that succeeded) → EndService → … → End.
    /// The same encoder writes the body of a property-get answer.
    /// </summary>
    public interface IReportEncoder
    {
        /// <summary>Starts a message in buffer[offset .. offset+capacity).</summary>
        void Begin(byte[] buffer, int offset, int capacity);

        /// <summary>Starts a service whose readings carry the platform's receive time.</summary>
        void BeginService(string serviceId);

        /// <summary>Starts a service whose readings were taken at eventTimeUtc (e.g. flushed from the offline buffer).</summary>
        void BeginService(string serviceId, DateTime eventTimeUtc);

        void AddInt(string name, long value);

        /// <summary>A fractional reading, rounded to decimals digits (always written with a fraction point).</summary>
        void AddDouble(string name, double value, int decimals);

        void AddBool(string name, bool value);

        void AddString(string name, string value);

        void EndService();

        /// <summary>Finishes the message: its length in bytes from offset, or -1 when <see cref="Error"/> is set.</summary>
        int End();

        /// <summary>The first problem (buffer too small, calls out of order, NaN); None when fine.</summary>
        JsonWriteError Error { get; }
    }
}
