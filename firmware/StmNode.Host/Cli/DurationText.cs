using System;
using System.Globalization;

namespace StmNode.Host.Cli
{
    /// <summary>Durations as people type them: 30 (seconds), 500ms, 45s, 2m, 1h.</summary>
    public static class DurationText
    {
        public static bool TryParse(string text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            text = text.Trim().ToLowerInvariant();
            double scale = 1000;
            if (text.EndsWith("ms", StringComparison.Ordinal))
            {
                scale = 1;
                text = text[..^2];
            }
            else if (text.EndsWith('s'))
            {
                text = text[..^1];
            }
            else if (text.EndsWith('m'))
            {
                scale = 60_000;
                text = text[..^1];
            }
            else if (text.EndsWith('h'))
            {
                scale = 3_600_000;
                text = text[..^1];
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0 || value * scale > int.MaxValue)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds(value * scale);
            return true;
        }
    }
}
