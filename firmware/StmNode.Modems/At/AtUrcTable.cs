using System.Collections;

namespace StmNode.At
{
    /// <summary>Prefix → handler table for unsolicited result codes; the first matching prefix wins.</summary>
    public sealed class AtUrcTable
    {
        private readonly ArrayList _prefixes = new ArrayList();
        private readonly ArrayList _handlers = new ArrayList();
        private readonly ArrayList _rawPrefixes = new ArrayList();
        private readonly ArrayList _rawHandlers = new ArrayList();

        public void Add(string prefix, AtUrcHandler handler)
        {
            _prefixes.Add(prefix);
            _handlers.Add(handler);
        }

        public void AddRaw(string prefix, AtRawUrcHandler handler)
        {
            _rawPrefixes.Add(prefix);
            _rawHandlers.Add(handler);
        }

        /// <summary>Calls the handler for the line; false when no prefix matches.</summary>
        public bool Dispatch(string line)
        {
            for (int i = 0; i < _prefixes.Count; i++)
            {
                if (line.StartsWith((string)_prefixes[i]))
                {
                    ((AtUrcHandler)_handlers[i])(line);
                    return true;
                }
            }

            return false;
        }

        public bool DispatchRaw(string header, byte[] data, int offset, int count)
        {
            for (int i = 0; i < _rawPrefixes.Count; i++)
            {
                if (header.StartsWith((string)_rawPrefixes[i]))
                {
                    ((AtRawUrcHandler)_rawHandlers[i])(header, data, offset, count);
                    return true;
                }
            }

            return false;
        }
    }
}
