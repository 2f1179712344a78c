using System;
using BenchmarkDotNet.Attributes;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// One steady-state report cycle and one command round, end to end through Core's EC20 link. "Core only" rows
    /// talk to an instant in-memory modem, so their time and allocations are Core's alone (one thread); the emulator
    /// row goes through the EC20 emulator and a loopback broker (PUBACK included), where the allocation column also
    /// counts the emulator's and broker's threads.
    /// </summary>
    public class NodeCycleBenchmarks
    {
        private NodeRig _instant;
        private NodeRig _emulated;
        private byte[][] _commands;
        private int _next;

        [GlobalSetup]
        public void Setup()
        {
            _instant = new NodeRig();
            _instant.UseInstantModem();
            _emulated = new NodeRig();
            _commands = new byte[64][];
            for (int i = 0; i < _commands.Length; i++)
            {
                _commands[i] = NodeRig.CommandUrc("4d9b0a1c-" + i.ToString("D4"), i % 2 == 0);
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _instant.Dispose();
            _emulated.Dispose();
        }

        [Benchmark(Description = "report cycle, Core only (instant EC20)")]
        [BenchmarkCategory("Report cycle")]
        public int ReportCycleCoreOnly()
        {
            return _instant.ReportCycle().Payload.Length;
        }

        [Benchmark(Baseline = true, Description = "report cycle via EC20 emulator + broker")]
        [BenchmarkCategory("Report cycle")]
        public int ReportCycleThroughEmulator()
        {
            return _emulated.ReportCycle().Payload.Length;
        }

        [Benchmark(Description = "command: URC in, LED set, response written (Core only)")]
        [BenchmarkCategory("Command latency")]
        public int CommandCycleCoreOnly()
        {
            _instant.Instant.InjectUrc(_commands[_next++ & 63]);
            return _instant.CommandCycle().Payload.Length;
        }
    }
}
