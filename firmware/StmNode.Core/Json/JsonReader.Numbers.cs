namespace StmNode.Json
{
    /// <summary>Numbers: the grammar checked digit by digit, an exact long when it fits, the double scaled by powers of ten.</summary>
    public sealed partial class JsonReader
    {
        // Exponents are clamped here: far beyond double's range, so the value is already 0 or infinity.
        private const int ExponentLimit = 1000;

        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
        };

        private bool ScanNumber()
        {
            int begin = _position;
            bool negative = false;
            ulong mantissa = 0;
            int significant = 0;
            int exponent = 0;
            bool exact = true;

            if (_data[_position] == '-')
            {
                negative = true;
                _position++;
            }

            if (!HasDigit())
            {
                return FailNumber(begin);
            }

            if (_data[_position] == '0')
            {
                _position++;
                if (HasDigit())
                {
                    return FailNumber(begin); // leading zeros are not JSON
                }
            }
            else
            {
                while (HasDigit())
                {
                    AddDigit(_data[_position++] - '0', ref mantissa, ref significant, ref exponent, false);
                }
            }

            if (_position < _end && _data[_position] == '.')
            {
                exact = false;
                _position++;
                if (!HasDigit())
                {
                    return FailNumber(begin);
                }

                while (HasDigit())
                {
                    AddDigit(_data[_position++] - '0', ref mantissa, ref significant, ref exponent, true);
                }
            }

            if (_position < _end && (_data[_position] == 'e' || _data[_position] == 'E'))
            {
                exact = false;
                _position++;
                bool negativeExponent = false;
                if (_position < _end && (_data[_position] == '+' || _data[_position] == '-'))
                {
                    negativeExponent = _data[_position] == '-';
                    _position++;
                }

                if (!HasDigit())
                {
                    return FailNumber(begin);
                }

                int written = 0;
                while (HasDigit())
                {
                    if (written < ExponentLimit)
                    {
                        written = written * 10 + (_data[_position] - '0');
                    }

                    _position++;
                }

                exponent += negativeExponent ? -written : written;
            }

            if (_position - begin > _maxNumberChars)
            {
                return Fail(JsonReadError.NumberTooLong, begin);
            }

            // Up to 19 significant digits are kept exactly, so an integer is exact when nothing was dropped.
            _isInteger = exact && exponent == 0 && (negative ? mantissa <= 9223372036854775808UL : mantissa <= 9223372036854775807UL);
            if (_isInteger)
            {
                _longValue = negative ? (long)(0UL - mantissa) : (long)mantissa;
            }

            _doubleValue = Scale(mantissa, exponent);
            if (negative)
            {
                _doubleValue = -_doubleValue;
            }

            if (!_isInteger)
            {
                _longValue = 0;
            }

            return true;
        }

        private static void AddDigit(int digit, ref ulong mantissa, ref int significant, ref int exponent, bool isFraction)
        {
            if (significant < 19)
            {
                mantissa = mantissa * 10 + (ulong)digit;
                if (mantissa != 0)
                {
                    significant++;
                }

                if (isFraction)
                {
                    exponent--;
                }
            }
            else if (!isFraction)
            {
                exponent++; // a dropped integer digit still scales the value
            }
        }

        private static double Scale(ulong mantissa, int exponent)
        {
            double value = mantissa;
            if (mantissa == 0)
            {
                return 0;
            }

            while (exponent > 22 && value < double.MaxValue)
            {
                value *= 1e22;
                exponent -= 22;
            }

            while (exponent < -22 && value > 0)
            {
                value /= 1e22;
                exponent += 22;
            }

            if (exponent > 0 && exponent <= 22)
            {
                value *= PowersOfTen[exponent];
            }
            else if (exponent < 0 && exponent >= -22)
            {
                value /= PowersOfTen[-exponent];
            }

            return value;
        }

        private bool HasDigit()
        {
            return _position < _end && _data[_position] >= '0' && _data[_position] <= '9';
        }

        private bool FailNumber(int begin)
        {
            if (_position - begin > _maxNumberChars)
            {
                return Fail(JsonReadError.NumberTooLong, begin);
            }

            return Fail(_position == _end ? JsonReadError.UnexpectedEnd : JsonReadError.InvalidNumber, _position);
        }
    }
}
