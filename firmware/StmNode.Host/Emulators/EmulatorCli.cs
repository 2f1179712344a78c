#nullable enable
using System;
using System.IO;
using System.Threading;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// <c>stmnode emulate --modem bc26|ec20|ec20-old|esp32-at|esp8266-at --pty /tmp/ttyModem [--faults "spec"] [--trace]</c>: serves an
    /// emulated modem on a socat pseudo-terminal until Ctrl+C, so the host (or any tool) opens it like a serial port.
    /// </summary>
    public static class EmulatorCli
    {
        public static int Run(string[] args, TextWriter output, CancellationToken stop)
        {
            string modem = "bc26";
            string pty = "/tmp/ttyModem";
            string faults = string.Empty;
            bool trace = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--modem" when i + 1 < args.Length:
                        modem = args[++i].ToLowerInvariant();
                        break;
                    case "--pty" when i + 1 < args.Length:
                        pty = args[++i];
                        break;
                    case "--faults" when i + 1 < args.Length:
                        faults = args[++i];
                        break;
                    case "--trace":
                        trace = true;
                        break;
                    default:
                        output.WriteLine("usage: stmnode emulate --modem bc26|ec20|ec20-old|esp32-at|esp8266-at --pty PATH [--faults SPEC] [--trace]");
                        return 2;
                }
            }

            if (!FaultPlan.TryParse(faults, out FaultPlan plan, out string planError))
            {
                output.WriteLine(planError);
                return 2;
            }

            AtEmulator? emulator = Create(modem);
            if (emulator == null)
            {
                output.WriteLine("unknown modem '" + modem + "' (" + string.Join(", ", ModemModels.Names) + ")");
                return 2;
            }

            using (emulator)
            using (SocatPty? socat = SocatPty.Start(pty, 5000, out string error))
            {
                if (socat == null)
                {
                    output.WriteLine(error);
                    return 1;
                }

                if (trace)
                {
                    emulator.Traced += line => output.WriteLine(line);
                }

                plan.ApplyTo(emulator.Faults);
                emulator.Attach(socat.ModemEnd);
                output.WriteLine(modem + " emulator on " + socat.DevicePath + " (Ctrl+C to stop)");
                stop.WaitHandle.WaitOne();
            }

            return 0;
        }

        /// <summary>The emulator for a model name (<see cref="ModemModels.Names"/>), or null.</summary>
        public static AtEmulator? Create(string modem, EmulatorOptions? options = null) => ModemModels.CreateEmulator(modem, options);
    }
}
