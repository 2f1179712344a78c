using System.Collections;

namespace StmNode.Cloud
{
    /// <summary>
    /// Checks received values against device-model specs and copies the good ones into a <see cref="Downlink"/>:
    /// every name must be known, every value of the right type and in range, every required one present.
    /// </summary>
    public static class ParameterChecker
    {
        /// <summary>
        /// Checks values (may be null = none given); the first problem fails the downlink. True when all passed.
        /// Null specs (a pass-through model) accept any name with a scalar value.
        /// </summary>
        public static bool Check(Hashtable values, ParameterSpec[] specs, Downlink downlink)
        {
            if (specs == null)
            {
                return CopyScalars(values, downlink);
            }

            int known = 0;
            for (int i = 0; i < specs.Length; i++)
            {
                ParameterSpec spec = specs[i];
                object value = values == null ? null : values[spec.Name];
                if (value == null)
                {
                    if (spec.Required)
                    {
                        downlink.Fail(DownlinkError.MissingField, spec.Name + " missing");
                        return false;
                    }

                    continue;
                }

                known++;
                object checkedValue = CheckValue(spec, value, downlink);
                if (checkedValue == null)
                {
                    return false;
                }

                downlink.Parameters[spec.Name] = checkedValue;
            }

            int given = values == null ? 0 : values.Count;
            if (given > known)
            {
                downlink.Fail(DownlinkError.UnknownField, FirstUnknownName(values, specs) + " is not known");
                return false;
            }

            if (given == 0 && specs.Length > 0 && !HasRequired(specs))
            {
                downlink.Fail(DownlinkError.MissingField, "no parameter given");
                return false;
            }

            return true;
        }

        // The value as its checked type (long, double, bool, string), or null with the downlink failed.
        private static object CheckValue(ParameterSpec spec, object value, Downlink downlink)
        {
            switch (spec.Type)
            {
                case ParameterType.Int:
                    if (value is long)
                    {
                        long number = (long)value;
                        return InRange(spec, number, downlink) ? (object)number : null;
                    }

                    if (value is double)
                    {
                        // A huge integer arrives as a double: call it out of range rather than the wrong type.
                        if (InRange(spec, (double)value, downlink))
                        {
                            downlink.Fail(DownlinkError.BadFieldType, spec.Name + " is not an integer");
                        }

                        return null;
                    }

                    break;
                case ParameterType.Double:
                    if (value is long || value is double)
                    {
                        double number = value is long ? (long)value : (double)value;
                        return InRange(spec, number, downlink) ? (object)number : null;
                    }

                    break;
                case ParameterType.Bool:
                    if (value is bool)
                    {
                        return value;
                    }

                    break;
                case ParameterType.String:
                    string text = value as string;
                    if (text != null)
                    {
                        if (text.Length > spec.MaxLength)
                        {
                            downlink.Fail(DownlinkError.ValueOutOfRange, spec.Name + " is too long");
                            return null;
                        }

                        return text;
                    }

                    break;
            }

            downlink.Fail(DownlinkError.BadFieldType, spec.Name + " has the wrong type");
            return null;
        }

        private static bool InRange(ParameterSpec spec, double number, Downlink downlink)
        {
            if (number >= spec.Min && number <= spec.Max)
            {
                return true;
            }

            downlink.Fail(DownlinkError.ValueOutOfRange, spec.Name + " out of range");
            return false;
        }

        private static bool CopyScalars(Hashtable values, Downlink downlink)
        {
            if (values == null)
            {
                return true;
            }

            foreach (object key in values.Keys)
            {
                object value = values[key];
                if (!(value is long || value is double || value is bool || value is string))
                {
                    downlink.Fail(DownlinkError.BadFieldType, (string)key + " is not a number, boolean or string");
                    return false;
                }

                downlink.Parameters[key] = value;
            }

            return true;
        }

        private static bool HasRequired(ParameterSpec[] specs)
        {
            for (int i = 0; i < specs.Length; i++)
            {
                if (specs[i].Required)
                {
                    return true;
                }
            }

            return false;
        }

        private static string FirstUnknownName(Hashtable values, ParameterSpec[] specs)
        {
            foreach (object key in values.Keys)
            {
                string name = (string)key;
                bool found = false;
                for (int i = 0; i < specs.Length; i++)
                {
                    if (specs[i].Name == name)
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return name;
                }
            }

            return "a field";
        }
    }
}
