namespace StmNode.Node
{
    /// <summary>
    /// Exponential reconnect delays with jitter: the base doubles from the initial delay up to the maximum, and each
    /// delay is drawn from the upper quarter below it (never under the initial delay), so a fleet that lost the
    /// broker together does not come back in lockstep. The random source is seeded, so tests are repeatable.
    /// </summary>
    public sealed class Backoff
    {
        private readonly int _initialMs;
        private readonly int _maxMs;
        private uint _state;

        public Backoff(int initialMs, int maxMs, uint seed)
        {
            _initialMs = initialMs;
            _maxMs = maxMs < initialMs ? initialMs : maxMs;
            _state = seed == 0 ? 0x9E3779B9 : seed;
        }

        /// <summary>Delays handed out since the last <see cref="Reset"/>.</summary>
        public int Attempts { get; private set; }

        /// <summary>The next delay in milliseconds, within [initial, max].</summary>
        public int NextDelayMs()
        {
            long baseMs = _initialMs;
            for (int i = 0; i < Attempts && baseMs < _maxMs; i++)
            {
                baseMs *= 2;
            }

            if (baseMs > _maxMs)
            {
                baseMs = _maxMs;
            }

            Attempts++;
            long jitterRange = baseMs / 4;
            long delay = baseMs - (jitterRange == 0 ? 0 : (long)(NextRandom() % (uint)(jitterRange + 1)));
            return (int)(delay < _initialMs ? _initialMs : delay);
        }

        public void Reset()
        {
            Attempts = 0;
        }

        // xorshift32: tiny, deterministic on both runtimes (System.Random's sequence differs between them).
        private uint NextRandom()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }
    }
}
