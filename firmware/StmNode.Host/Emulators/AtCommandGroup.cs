#nullable enable
using System;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// A group of related AT commands with the state they own (as a modem manual groups them: MQTT, network,
    /// sockets …). It registers its handlers on the emulator and answers through it; handlers run under its lock.
    /// </summary>
    internal abstract class AtCommandGroup
    {
        private readonly AtEmulator _emulator;

        protected AtCommandGroup(AtEmulator emulator)
        {
            _emulator = emulator;
        }

        protected EmulatorOptions Options => _emulator.Options;

        protected object Sync => _emulator.Sync;

        protected int Generation => _emulator.Generation;

        protected void Register(string name, Action<AtCommand> handler) => _emulator.Register(name, handler);

        protected void Ok() => _emulator.Ok();

        protected void Error() => _emulator.Error();

        protected void Line(string text) => _emulator.Line(text);

        protected void Lines(params string[] lines) => _emulator.Lines(lines);

        protected void Urc(string text) => _emulator.Urc(text);

        protected void Trace(string text) => _emulator.Trace(text);

        protected void RunThen<T>(Func<Task<T>> work, Action<T> complete, Func<bool>? isCurrent = null, Action<T>? discard = null) =>
            _emulator.RunThen(work, complete, isCurrent, discard);

        protected void RunThen(Func<Task> work, Action complete, Func<bool>? isCurrent = null) =>
            _emulator.RunThen(work, complete, isCurrent);
    }
}
