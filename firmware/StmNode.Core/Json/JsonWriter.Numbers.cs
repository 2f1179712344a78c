namespace StmNode.Json
{
    /// <summary>Numbers: doubles rounded to a number of decimals, longs written digit by digit.</summary>
    public sealed partial class JsonWriter
    {
        /// <summary>
        /// Writes value rounded to at most decimals fraction digits, trailing zeros dropped but always with a
        /// fraction point ("23.5", "10.0"), so the receiver sees a fractional type (Alink requires it for floats).
        /// </summary>
        public void WriteDouble(double value, int decimals)
        {
            if (!BeginValue())
            {
                return;
            }

            if (decimals < 1)
            {
                decimals = 1;
            }
            else if (decimals > MaxDecimals)
            {
                decimals = MaxDecimals;
            }

            // NaN fails every comparison, so it lands here too; 9e18 keeps the scaled value inside a long.
            double scaled = value * PowersOfTen[decimals];
            if (!(scaled > -9e18 && scaled < 9e18))
            {
                _error = JsonWriteError.InvalidNumber;
                return;
            }

            long rounded = (long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            if (rounded < 0)
            {
                Put((byte)'-');
                rounded = -rounded;
            }

            long whole = rounded / PowersOfTen[decimals];
            long fraction = rounded % PowersOfTen[decimals];
            PutLong(whole);
            Put((byte)'.');
            int digits = decimals;
            while (digits > 1 && fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                Put((byte)('0' + (int)(fraction / PowersOfTen[i] % 10)));
            }
        }

        private void PutLong(long value)
        {
            if (value < 0)
            {
                Put((byte)'-');
            }

            // Digits are collected from the low end; working on the negative side also covers long.MinValue.
            long rest = value < 0 ? value : -value;
            int count = 0;
            do
            {
                _digits[count++] = (byte)('0' - (int)(rest % 10));
                rest /= 10;
            }
            while (rest != 0);

            while (count > 0)
            {
                Put(_digits[--count]);
            }
        }
    }
}
