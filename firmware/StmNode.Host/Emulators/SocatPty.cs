#nullable enable
using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace StmNode.Host.Emulators
{
    /// <summary>
    /// A pseudo-terminal served by <c>socat</c>: socat creates the pty (a symlink at <see cref="DevicePath"/>) and relays
    /// it to its stdin/stdout, which the emulator attaches to as <see cref="ModemEnd"/>. The host then opens
    /// <see cref="DevicePath"/> like a real serial port. Needs the Debian package socat.
    /// </summary>
    public sealed class SocatPty : IDisposable
    {
        private readonly Process _process;

        private SocatPty(Process process, string devicePath)
        {
            _process = process;
            DevicePath = devicePath;
            ModemEnd = new DuplexStream(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        }

        /// <summary>The pty link the device side opens (e.g. /tmp/ttyBC26).</summary>
        public string DevicePath { get; }

        /// <summary>The stream the emulator attaches to.</summary>
        public Stream ModemEnd { get; }

        /// <summary>The socat executable on PATH, or null.</summary>
        public static string? FindSocat()
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(dir, "socat");
                if (dir.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Starts socat and waits (bounded) for the pty link. Returns null with a reason on failure.</summary>
        public static SocatPty? Start(string devicePath, int timeoutMs, out string error)
        {
            string? socat = FindSocat();
            if (socat == null)
            {
                error = "socat is not installed (apt-get install -y socat)";
                return null;
            }

            var info = new ProcessStartInfo(socat)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("pty,raw,echo=0,link=" + devicePath);
            info.ArgumentList.Add("STDIO");
            Process? process = Process.Start(info);
            if (process == null)
            {
                error = "socat did not start";
                return null;
            }

            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            long deadline = Environment.TickCount64 + timeoutMs;
            while (!File.Exists(devicePath))
            {
                if (process.HasExited || Environment.TickCount64 > deadline)
                {
                    Kill(process);
                    error = "socat did not create " + devicePath;
                    return null;
                }

                Thread.Sleep(10);
            }

            error = string.Empty;
            return new SocatPty(process, devicePath);
        }

        public void Dispose()
        {
            Kill(_process);
            ModemEnd.Dispose();
            _process.Dispose();
        }

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(2000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
