#nullable enable
using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace StmNode.Host.Emulators
{
    /// <summary>Network work off the reader thread, its result applied only while it still belongs.</summary>
    public abstract partial class AtEmulator
    {
        /// <summary>
        /// Runs network work in the background, then hands its result to <paramref name="complete"/> under
        /// <see cref="Sync"/> while the work still belongs: same boot (<see cref="Generation"/>) and
        /// <paramref name="isCurrent"/>, when given, still true (e.g. the client still holds that session). A result
        /// that no longer belongs prints nothing; <paramref name="discard"/> may close what it opened.
        /// </summary>
        protected internal void RunThen<T>(Func<Task<T>> work, Action<T> complete, Func<bool>? isCurrent = null, Action<T>? discard = null)
        {
            int generation = Generation;
            RunAsync(async () =>
            {
                T result = await work().ConfigureAwait(false);
                lock (Sync)
                {
                    if (Generation == generation && (isCurrent == null || isCurrent()))
                    {
                        complete(result);
                    }
                    else
                    {
                        discard?.Invoke(result);
                    }
                }
            });
        }

        /// <summary><see cref="RunThen{T}"/> for work without a result (a delay).</summary>
        protected internal void RunThen(Func<Task> work, Action complete, Func<bool>? isCurrent = null)
        {
            RunThen(async () =>
            {
                await work().ConfigureAwait(false);
                return true;
            }, _ => complete(), isCurrent);
        }

        /// <summary>Opens a TCP connection within timeoutMs; null when it fails.</summary>
        protected internal static async Task<TcpClient?> ConnectTcpAsync(string host, int port, int timeoutMs)
        {
            var tcp = new TcpClient();
            try
            {
                using var cts = new CancellationTokenSource(timeoutMs);
                await tcp.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
                return tcp;
            }
            catch (Exception ex) when (ex is SocketException || ex is OperationCanceledException || ex is IOException)
            {
                tcp.Dispose();
                return null;
            }
        }

        /// <summary>Runs network work in the background; failures are traced, never thrown.</summary>
        protected internal void RunAsync(Func<Task> work)
        {
            Task.Run(async () =>
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Traced?.Invoke("!! " + ex.GetType().Name + ": " + ex.Message);
                }
            });
        }
    }
}
