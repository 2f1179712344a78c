using StmNode.Tests.Fakes;

namespace StmNode.Tests.Modems
{
    /// <summary>
    /// A module session recorded outside this repository (an application note's example, a log pasted in an issue)
    /// replayed against a driver in virtual time. <see cref="Logged"/> steps carry the module's answer as the source
    /// shows it; <see cref="Adapted"/> steps are commands our driver sends that the recording lacks, answered the
    /// plainest way the module documents (each transcript says why). A transcript passes only when every scripted
    /// step was written, in order, byte for byte.
    /// </summary>
    public sealed class SessionReplay
    {
        public SessionReplay()
        {
            Clock = new ManualClock();
            Line = new ScriptedModemLine(Clock);
        }

        public readonly ManualClock Clock;

        public readonly ScriptedModemLine Line;

        /// <summary>Steps whose answer comes from the recording.</summary>
        public int LoggedSteps { get; private set; }

        /// <summary>Steps added to fit our driver's command sequence.</summary>
        public int AdaptedSteps { get; private set; }

        /// <summary>The host writes this command line; the module answers as recorded (null: the recording shows silence).</summary>
        public SessionReplay Logged(string command, string answer)
        {
            LoggedSteps++;
            Line.Expect(command, answer);
            return this;
        }

        /// <summary>As <see cref="Logged(string, string)"/>, the answer arriving delayMs after the write.</summary>
        public SessionReplay Logged(string command, string answer, int delayMs)
        {
            LoggedSteps++;
            Line.Expect(command, answer, delayMs);
            return this;
        }

        /// <summary>The host writes these raw bytes (a payload after a prompt); the module answers as recorded.</summary>
        public SessionReplay LoggedData(byte[] data, string answer)
        {
            LoggedSteps++;
            Line.ExpectData(data, answer);
            return this;
        }

        /// <summary>A command of our driver the recording does not have, with the module's documented plain answer.</summary>
        public SessionReplay Adapted(string command, string answer)
        {
            AdaptedSteps++;
            Line.Expect(command, answer);
            return this;
        }

        /// <summary>A further recorded answer to the last step, delayMs after its write (a result URC).</summary>
        public SessionReplay Then(int delayMs, string answer)
        {
            Line.Then(delayMs, answer);
            return this;
        }

        /// <summary>Recorded unsolicited output, readable from now on.</summary>
        public void Unsolicited(string bytes)
        {
            Line.Send(bytes);
        }

        /// <summary>Null when every scripted step was written in order and nothing else was; else what went wrong.</summary>
        public string Mismatch
        {
            get
            {
                if (Line.Failure != null)
                {
                    return Line.Failure;
                }

                return Line.Unmet == 0 ? null : Line.Unmet.ToString() + " scripted step(s) never written; written: " + Line.Written;
            }
        }
    }
}
