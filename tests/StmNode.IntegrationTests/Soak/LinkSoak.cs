#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StmNode.At;
using StmNode.Host.Adapters;
using StmNode.Host.Emulators;
using StmNode.IntegrationTests.Support;
using StmNode.Modems;
using StmNode.Node;
using StmNode.Ports;

namespace StmNode.IntegrationTests.Soak
{
    /// <summary>
    /// Report cycles through Core's real modem link (BC26, EC20, ESP-AT) into an emulated modem and a loopback broker,
    /// with the emulator injecting the modem faults at random (seeded) and the broker restarting. The loop is the node's
    /// reporting duty in miniature, built from Core's own pieces: reconnect with <see cref="Backoff"/>, commands answered
    /// once per request id with <see cref="RequestCache"/>, reports published or counted as dropped (no buffer here: the
    /// node's offline buffer has its own tests). Time is virtual for the schedule (report period, backoff), real for I/O.
    /// </summary>
    public sealed class LinkSoak
    {
        public const int ReportPeriodMs = 60_000;
        public const int BackoffInitialMs = 2_000;
        public const int BackoffMaxMs = 300_000;
        public const int CommandEvery = 4;

        private static readonly string[] FaultNames =
        {
            "garbage", "urc-storm", "chunks-bytes", "chunks-random", "prompt-delay", "no-prompt", "fail-command",
            "drop-mqtt", "hang", "reboot", "reboot-in-payload", "broker-restart",
        };

        private readonly string _kind;
        private readonly int _seed;
        private readonly int _cycles;
        private readonly double _faultRate;

        public LinkSoak(string kind, int seed, int cycles, double faultRate)
        {
            _kind = kind;
            _seed = seed;
            _cycles = cycles;
            _faultRate = faultRate;
        }

        public async Task<SoakResult> RunAsync()
        {
            SoakResult result = new SoakResult { Kind = _kind, Seed = _seed, Cycles = _cycles, MaxBackoffMs = BackoffMaxMs };
            Random random = new Random(_seed);
            FastForwardClock clock = new FastForwardClock();
            RecordingLog log = new RecordingLog { MinimumLevel = LogLevel.Warning };
            await using SoakBroker broker = new SoakBroker();
            await broker.StartAsync();
            EmulatorOptions options = new EmulatorOptions
            {
                GuardTimeMs = 100,
                BrokerTimeoutMs = 2000,
                ChunkPauseMs = 0,
                Seed = _seed,
                WifiSsid = ModemLinkRig.WifiSsid,
                WifiPassword = ModemLinkRig.WifiPassword,
            };
            using AtEmulator emulator = _kind switch
            {
                "ec20" => new Ec20Emulator(options),
                "bc26" => new Bc26Emulator(options),
                _ => new EspAtEmulator(options),
            };
            using DuplexPipe pipe = new DuplexPipe();
            emulator.Attach(pipe.ModemEnd);
            using StreamSerialLine serial = new StreamSerialLine(pipe.DeviceEnd);
            AtChannel channel = new AtChannel(serial, clock, log);
            IMqttLink link = _kind switch
            {
                "ec20" => new QuectelMqttLink(new QuectelModem(QuectelModel.Ec20, channel, log, null, null)),
                "bc26" => new QuectelMqttLink(new QuectelModem(QuectelModel.Bc26, channel, log, null, null)),
                _ => new EspAtMqttLink(new EspAtModem(channel, log), ModemLinkRig.WifiSsid, ModemLinkRig.WifiPassword),
            };
            channel.Poll(200);

            MqttConnectOptions connect = new MqttConnectOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "soak-node", KeepAliveSeconds = 120 };
            Backoff backoff = new Backoff(BackoffInitialMs, BackoffMaxMs, (uint)_seed);
            RequestCache answered = new RequestCache(16);
            Queue<string> received = new Queue<string>();
            HashSet<string> delivered = new HashSet<string>();
            List<string> pendingResponses = new List<string>();
            HashSet<int> dropped = new HashSet<int>();
            HashSet<int> accepted = new HashSet<int>();
            HashSet<string> sent = new HashSet<string>();
            link.Lost += reason => result.Losses++;

            // Every kind of fault once, in a seeded order, before the choice becomes random: even a short run sees all.
            string[] order = FaultNames.OrderBy(_ => random.Next()).ToArray();
            int injected = 0;
            bool subscribed = false;
            int outageAttempts = 0;
            long outageStart = -1;
            Stopwatch real = Stopwatch.StartNew();
            long allocatedAtWarmup = 0;
            int warmup = Math.Max(1, _cycles / 10);
            for (int cycle = 0; cycle < _cycles; cycle++)
            {
                if (cycle == warmup)
                {
                    result.HeapAfterWarmupBytes = GC.GetTotalMemory(true);
                    allocatedAtWarmup = GC.GetTotalAllocatedBytes(true);
                }

                try
                {
                    // A dropped prompt lasts for one cycle's publish: longer would only repeat the same timeout.
                    emulator.Faults.DropPrompt = false;
                    if (random.NextDouble() < _faultRate)
                    {
                        string fault = injected < order.Length ? order[injected] : FaultNames[random.Next(FaultNames.Length)];
                        injected++;
                        await Inject(fault, emulator, broker, random, result);
                    }

                    clock.Sleep(ReportPeriodMs);
                    if (!link.IsConnected && !Reconnect(link, connect, backoff, clock, result, ref subscribed, ref outageAttempts, ref outageStart))
                    {
                        dropped.Add(cycle);
                        result.ReportsDropped++;
                        continue;
                    }

                    if (cycle % CommandEvery == 0)
                    {
                        string id = "r" + cycle;
                        if (await broker.SendCommandAsync(id))
                        {
                            sent.Add(id);
                        }
                    }

                    byte[] report = Encoding.ASCII.GetBytes("{\"seq\":" + cycle + "}");
                    if (link.Publish(SoakBroker.ReportTopic, report, 0, report.Length, 1) == LinkResult.Ok)
                    {
                        accepted.Add(cycle);
                        result.ReportsOk++;
                    }
                    else
                    {
                        dropped.Add(cycle);
                        result.ReportsDropped++;
                    }

                    link.Poll(100);
                    Answer(link, received, delivered, pendingResponses, answered, result);
                }
                catch (Exception e)
                {
                    result.Exceptions++;
                    result.ExceptionTexts.Add(e.ToString());
                }
            }

            // Faults off: the link must come back within the backoff bound, and what was delivered gets answered.
            emulator.Faults.Chunking = OutputChunking.None;
            emulator.Faults.PromptDelayMs = 0;
            emulator.Faults.DropPrompt = false;
            emulator.Faults.ClearCommandFailures();
            for (int attempt = 0; attempt < 12 && !link.IsConnected; attempt++)
            {
                if (attempt == 6)
                {
                    // A modem that stays silent after the faults stopped gets what the node's escalation ladder gives
                    // it in the field: a power cycle (the emulator reboots, the driver redoes its whole bring-up).
                    emulator.Faults.Reboot();
                }

                Reconnect(link, connect, backoff, clock, result, ref subscribed, ref outageAttempts, ref outageStart);
            }

            result.RecoveredAtEnd = link.IsConnected;
            if (!result.RecoveredAtEnd)
            {
                result.Diagnosis = link.LastError + "\n" + channel.Trace.Dump() + "\n" + string.Join("\n", log.Lines.TakeLast(20));
            }
            for (int i = 0; i < 20 && result.RecoveredAtEnd; i++)
            {
                link.Poll(100);
                Answer(link, received, delivered, pendingResponses, answered, result);
                if (pendingResponses.Count == 0 && received.Count == 0 && i >= 5)
                {
                    break;
                }
            }

            await Task.Delay(300);
            result.HeapAtEndBytes = GC.GetTotalMemory(true);
            int measured = Math.Max(1, _cycles - warmup);
            result.AllocatedPerCycleBytes = (GC.GetTotalAllocatedBytes(true) - allocatedAtWarmup) / (double)measured;
            result.RealSeconds = real.Elapsed.TotalSeconds;
            result.VirtualHours = clock.UptimeMs / 3_600_000.0;
            result.BrokerRestarts = broker.Restarts;

            foreach (int seq in Enumerable.Range(0, _cycles))
            {
                bool arrived = broker.Reports.ContainsKey(seq);
                if (arrived)
                {
                    result.ReportsDelivered++;
                }

                if (accepted.Contains(seq) && !arrived)
                {
                    result.ReportsOkButMissing++;
                }

                if (!arrived && !dropped.Contains(seq))
                {
                    result.ReportsUnaccounted++;
                }
            }

            result.CommandsSent = sent.Count;
            result.CommandsDelivered = delivered.Count;
            foreach (string id in delivered)
            {
                broker.Responses.TryGetValue(id, out int n);
                if (n == 1)
                {
                    result.CommandsAnsweredOnce++;
                }
                else if (n > 1)
                {
                    result.CommandsAnsweredTwice++;
                }
                else
                {
                    result.CommandsDeliveredUnanswered++;
                }
            }

            link.Disconnect();
            return result;
        }

        private static bool Reconnect(IMqttLink link, MqttConnectOptions connect, Backoff backoff, FastForwardClock clock, SoakResult result,
            ref bool subscribed, ref int outageAttempts, ref long outageStart)
        {
            if (outageStart < 0)
            {
                outageStart = clock.UptimeMs;
            }

            outageAttempts++;
            bool connected = link.Connect(connect) == LinkResult.Ok;
            if (connected && !subscribed && link.Subscribe(SoakBroker.CommandFilter, 1) != LinkResult.Ok)
            {
                // Without the command subscription the session is useless: drop it and retry the whole connect.
                link.Disconnect();
                connected = false;
            }

            if (connected)
            {
                subscribed = true;
                result.LongestOutageAttempts = Math.Max(result.LongestOutageAttempts, outageAttempts);
                result.LongestOutageVirtualMs = Math.Max(result.LongestOutageVirtualMs, clock.UptimeMs - outageStart);
                outageAttempts = 0;
                outageStart = -1;
                backoff.Reset();
                return true;
            }

            result.ConnectFailures++;
            if (link.IsConnected)
            {
                // A failed re-subscribe inside Connect leaves the session up but reports failure: start over cleanly.
                result.FailedButConnected++;
                link.Disconnect();
            }

            int delay = backoff.NextDelayMs();
            result.LargestDelayMs = Math.Max(result.LargestDelayMs, delay);
            clock.Sleep(delay);
            return false;
        }

        /// <summary>Answers each newly delivered request id once; a repeated delivery is not answered again.</summary>
        private static void Answer(IMqttLink link, Queue<string> received, HashSet<string> delivered, List<string> pending, RequestCache answered, SoakResult result)
        {
            TakeCommands(link, received);
            while (received.Count > 0)
            {
                string id = received.Dequeue();
                if (!delivered.Add(id))
                {
                    result.DuplicateDeliveries++;
                    continue;
                }

                pending.Add(id);
            }

            for (int i = 0; i < pending.Count && link.IsConnected;)
            {
                string id = pending[i];
                CloudMessage response = answered.Find(id) ?? new CloudMessage(SoakBroker.ResponsePrefix + id, Encoding.ASCII.GetBytes("{\"result_code\":0}"));
                if (link.Publish(response.Topic, response.Payload, 0, response.Payload.Length, 1) == LinkResult.Ok)
                {
                    answered.Add(id, response);
                    pending.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }

            // What arrived while answering waits for the next round.
            TakeCommands(link, received);
        }

        private static void TakeCommands(IMqttLink link, Queue<string> received)
        {
            while (link.TryTakeMessage(out string topic, out byte[] _))
            {
                if (topic.StartsWith(SoakBroker.CommandPrefix, StringComparison.Ordinal))
                {
                    received.Enqueue(topic.Substring(SoakBroker.CommandPrefix.Length));
                }
            }
        }

        private static async Task Inject(string fault, AtEmulator emulator, SoakBroker broker, Random random, SoakResult result)
        {
            result.Faults[fault] = result.Faults.GetValueOrDefault(fault) + 1;
            FaultInjector faults = emulator.Faults;
            switch (fault)
            {
                case "garbage":
                    faults.Garbage(random.Next(1, 64));
                    break;
                case "urc-storm":
                    faults.UrcStorm(random.Next(5, 50));
                    break;
                case "chunks-bytes":
                    faults.Chunking = faults.Chunking == OutputChunking.ByteByByte ? OutputChunking.None : OutputChunking.ByteByByte;
                    break;
                case "chunks-random":
                    faults.Chunking = faults.Chunking == OutputChunking.RandomChunks ? OutputChunking.None : OutputChunking.RandomChunks;
                    break;
                case "prompt-delay":
                    faults.PromptDelayMs = faults.PromptDelayMs == 0 ? random.Next(50, 500) : 0;
                    break;
                case "no-prompt":
                    faults.DropPrompt = true;
                    break;
                case "fail-command":
                    string[] prefixes = { "AT+QMTPUB", "AT+QMTCONN", "AT+QMTOPEN", "AT+QMTSUB", "AT+CPIN", "AT+MQTTPUBRAW", "AT+MQTTCONN", "AT+CWJAP", "AT+MQTTSUB", "AT" };
                    string[] replies = { "ERROR", "+CME ERROR: 50", "+CME ERROR: 10" };
                    faults.FailCommand(prefixes[random.Next(prefixes.Length)], replies[random.Next(replies.Length)], random.Next(1, 3));
                    break;
                case "drop-mqtt":
                    faults.DropMqtt();
                    break;
                case "hang":
                    faults.Hang(random.Next(100, 1500));
                    break;
                case "reboot":
                    faults.Reboot();
                    break;
                case "reboot-in-payload":
                    faults.RebootDuringNextPayload();
                    break;
                default:
                    await broker.RestartAsync();
                    break;
            }
        }
    }
}
