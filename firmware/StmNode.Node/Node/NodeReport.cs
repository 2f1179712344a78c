using System;

namespace StmNode.Node
{
    /// <summary>
    /// One properties report of one service, kept as names and typed values (int, double, bool or string) until it
    /// is encoded for the cloud: reports wait in the offline buffer in this form, with the time they were made.
    /// Values sit in parallel typed arrays, not boxed, so building a report costs a few small arrays and no
    /// per-value garbage.
    /// </summary>
    public sealed class NodeReport
    {
        public const int KindInt = 0;
        public const int KindDouble = 1;
        public const int KindBool = 2;
        public const int KindString = 3;

        // Enough for the stm32 service report without growing.
        private const int InitialCapacity = 16;

        private string[] _names = new string[InitialCapacity];
        private byte[] _kinds = new byte[InitialCapacity];

        // int, bool (0 / 1) and double values; every int is exact in a double.
        private double[] _numbers = new double[InitialCapacity];

        // Allocated with the first string value.
        private string[] _texts;
        private int _count;

        public NodeReport(string serviceId, long createdUptimeMs)
        {
            ServiceId = serviceId;
            CreatedUptimeMs = createdUptimeMs;
        }

        public string ServiceId { get; private set; }

        /// <summary>Monotonic time the report was made; gives the event time later if the clock was not set yet.</summary>
        public long CreatedUptimeMs { get; private set; }

        public bool HasEventTime { get; private set; }

        public DateTime EventTimeUtc { get; private set; }

        public int Count
        {
            get { return _count; }
        }

        public void SetEventTime(DateTime utc)
        {
            EventTimeUtc = utc;
            HasEventTime = true;
        }

        public string NameAt(int index)
        {
            Check(index);
            return _names[index];
        }

        /// <summary>One of <see cref="KindInt"/>, <see cref="KindDouble"/>, <see cref="KindBool"/>, <see cref="KindString"/>.</summary>
        public int KindAt(int index)
        {
            Check(index);
            return _kinds[index];
        }

        public int IntAt(int index)
        {
            Check(index);
            return (int)_numbers[index];
        }

        public double DoubleAt(int index)
        {
            Check(index);
            return _numbers[index];
        }

        public bool BoolAt(int index)
        {
            Check(index);
            return _numbers[index] != 0;
        }

        public string StringAt(int index)
        {
            Check(index);
            return _kinds[index] == KindString ? _texts[index] : null;
        }

        /// <summary>The value boxed (int, double, bool or string): for diagnostics and tests, the encoder reads the typed accessors.</summary>
        public object ValueAt(int index)
        {
            Check(index);
            switch (_kinds[index])
            {
                case KindInt: return (int)_numbers[index];
                case KindDouble: return _numbers[index];
                case KindBool: return _numbers[index] != 0;
                default: return _texts[index];
            }
        }

        public void AddInt(string name, int value)
        {
            Add(name, KindInt, value);
        }

        public void AddDouble(string name, double value)
        {
            Add(name, KindDouble, value);
        }

        public void AddBool(string name, bool value)
        {
            Add(name, KindBool, value ? 1 : 0);
        }

        public void AddString(string name, string value)
        {
            int index = Add(name, KindString, 0);
            if (_texts == null)
            {
                _texts = new string[_names.Length];
            }

            _texts[index] = value == null ? "" : value;
        }

        /// <summary>The value of a property (boxed), or null when the report does not have it.</summary>
        public object Find(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_names[i] == name)
                {
                    return ValueAt(i);
                }
            }

            return null;
        }

        private int Add(string name, int kind, double number)
        {
            if (_count == _names.Length)
            {
                Grow();
            }

            int index = _count;
            _names[index] = name;
            _kinds[index] = (byte)kind;
            _numbers[index] = number;
            _count++;
            return index;
        }

        private void Grow()
        {
            int capacity = _names.Length * 2;
            string[] names = new string[capacity];
            byte[] kinds = new byte[capacity];
            double[] numbers = new double[capacity];
            Array.Copy(_names, names, _count);
            Array.Copy(_kinds, kinds, _count);
            Array.Copy(_numbers, numbers, _count);
            _names = names;
            _kinds = kinds;
            _numbers = numbers;
            if (_texts != null)
            {
                string[] texts = new string[capacity];
                Array.Copy(_texts, texts, _count);
                _texts = texts;
            }
        }

        // Same contract as the ArrayList the values used to live in.
        private void Check(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
        }
    }
}
