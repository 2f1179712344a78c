#nullable enable
using System;
using System.Collections.Generic;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// Faults on demand for one emulator. Settings (chunking, prompt faults, failing commands, reboot mid-publish)
    /// stay armed until changed or used up; actions (garbage, storm, MQTT drop, hang, reboot) happen at once.
    /// All randomness comes from one seeded source, so a failing run can be replayed.
    /// </summary>
    public sealed class FaultInjector
    {
        private readonly AtEmulator _owner;
        private readonly object _gate = new object();
        private readonly List<CommandFailure> _failures = new List<CommandFailure>();
        private Random _random;
        private bool _rebootDuringPayload;

        internal FaultInjector(AtEmulator owner, int seed)
        {
            _owner = owner;
            _random = new Random(seed);
        }

        /// <summary>How responses are cut into writes.</summary>
        public OutputChunking Chunking { get; set; }

        /// <summary>Delay before the <c>&gt;</c> prompt is printed (the payload is accepted meanwhile).</summary>
        public int PromptDelayMs { get; set; }

        /// <summary>When set, prompting commands vanish: no <c>&gt;</c>, no payload mode.</summary>
        public bool DropPrompt { get; set; }

        /// <summary>Restarts the random source.</summary>
        public void Reseed(int seed)
        {
            lock (_gate)
            {
                _random = new Random(seed);
            }
        }

        /// <summary>
        /// Answers the next <paramref name="times"/> commands starting with <paramref name="commandPrefix"/>
        /// (case-insensitive, e.g. <c>AT+QMTSUB</c>) with <paramref name="reply"/> (<c>ERROR</c>, <c>+CME ERROR: 50</c>);
        /// <paramref name="times"/> ≤ 0 means always.
        /// </summary>
        public void FailCommand(string commandPrefix, string reply, int times = 1)
        {
            lock (_gate)
            {
                _failures.Add(new CommandFailure(commandPrefix, reply, times <= 0 ? int.MaxValue : times));
            }
        }

        /// <summary>Forgets all armed command failures.</summary>
        public void ClearCommandFailures()
        {
            lock (_gate)
            {
                _failures.Clear();
            }
        }

        /// <summary>Reboots the modem as soon as the next prompted payload starts to arrive.</summary>
        public void RebootDuringNextPayload()
        {
            lock (_gate)
            {
                _rebootDuringPayload = true;
            }
        }

        /// <summary>Writes <paramref name="count"/> random bytes to the device now.</summary>
        public void Garbage(int count)
        {
            byte[] garbage = new byte[Math.Max(0, count)];
            lock (_gate)
            {
                _random.NextBytes(garbage);
            }

            _owner.InjectGarbage(garbage);
        }

        /// <summary>Writes <paramref name="count"/> harmless URCs of the dialect back to back.</summary>
        public void UrcStorm(int count)
        {
            Random random;
            lock (_gate)
            {
                random = new Random(_random.Next());
            }

            _owner.InjectUrcStorm(count, random);
        }

        /// <summary>Kills the MQTT connection of a client as a broker loss would (+QMTSTAT / +MQTTDISCONNECTED).</summary>
        public void DropMqtt(int clientIndex = 0, int code = 1)
        {
            _owner.DropMqtt(clientIndex, code);
        }

        /// <summary>Stops reading and answering for <paramref name="milliseconds"/>; negative = until reboot.</summary>
        public void Hang(int milliseconds)
        {
            _owner.InjectHang(milliseconds);
        }

        /// <summary>Reboots now (boot banner, all state lost).</summary>
        public void Reboot()
        {
            _owner.Reboot();
        }

        internal bool TryTakeFailure(string commandLine, out string reply)
        {
            lock (_gate)
            {
                foreach (CommandFailure failure in _failures)
                {
                    if (failure.Remaining > 0 && commandLine.StartsWith(failure.Prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        failure.Remaining--;
                        reply = failure.Reply;
                        return true;
                    }
                }
            }

            reply = string.Empty;
            return false;
        }

        internal bool TakeRebootDuringPayload()
        {
            lock (_gate)
            {
                bool armed = _rebootDuringPayload;
                _rebootDuringPayload = false;
                return armed;
            }
        }

        internal int NextChunkSize(int remaining)
        {
            switch (Chunking)
            {
                case OutputChunking.ByteByByte:
                    return 1;
                case OutputChunking.RandomChunks:
                    lock (_gate)
                    {
                        return Math.Min(remaining, _random.Next(1, 9));
                    }

                default:
                    return remaining;
            }
        }

        private sealed class CommandFailure
        {
            public CommandFailure(string prefix, string reply, int remaining)
            {
                Prefix = prefix;
                Reply = reply;
                Remaining = remaining;
            }

            public string Prefix { get; }

            public string Reply { get; }

            public int Remaining { get; set; }
        }
    }
}
