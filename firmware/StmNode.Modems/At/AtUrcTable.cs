// nano-hot: runs for every byte, line or report; the guard (PortabilityScanner) keeps StartsWith and text[i] loops out.
using System.Collections;
using System.Text;

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
            _prefixes.Add(Encoding.UTF8.GetBytes(prefix));
            _handlers.Add(handler);
        }

        public void AddRaw(string prefix, AtRawUrcHandler handler)
        {
            _rawPrefixes.Add(prefix);
            _rawHandlers.Add(handler);
        }

        /// <summary>Calls the handler for the line; false when no prefix matches.</summary>
        /// <summary>Hands the line to the first handler whose prefix its bytes (in the framer) start with.</summary>
        public bool Dispatch(string line, AtLineFramer framer)
        {
            for (int i = 0; i < _prefixes.Count; i++)
            {
                if (framer.LineStartsWith((byte[])_prefixes[i]))
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
                if (header.StartsWith((string)_rawPrefixes[i])) // nano-hot: cold (raw URCs: a downlink, not every line)
                {
                    ((AtRawUrcHandler)_rawHandlers[i])(header, data, offset, count);
                    return true;
                }
            }

            return false;
        }
    }
}
