using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// What the IoTDA emulator knows, behind one lock: registered devices with what they sent, the protocol problems
    /// seen, and a change signal that bounded waits block on.
    /// </summary>
    internal sealed class IotdaRegistry
    {
        private readonly IotdaEmulatorOptions _options;
        private readonly Dictionary<string, IotdaDeviceState> _devices = new Dictionary<string, IotdaDeviceState>(StringComparer.Ordinal);
        private readonly List<IotdaProblem> _problems = new List<IotdaProblem>();
        private TaskCompletionSource _changed = NewSignal();

        public IotdaRegistry(IotdaEmulatorOptions options)
        {
            _options = options;
        }

        /// <summary>A protocol problem was recorded.</summary>
        public event Action<IotdaProblem> ProblemRecorded;

        /// <summary>The lock guarding devices, problems and every counter of the emulator.</summary>
        public object Gate { get; } = new object();

        /// <summary>Problems recorded since start; read under <see cref="Gate"/>.</summary>
        public long ProblemCount { get; private set; }

        /// <summary>Every registered device; under <see cref="Gate"/>.</summary>
        public IEnumerable<IotdaDeviceState> DevicesLocked => _devices.Values;

        public void Register(string deviceId, string secret)
        {
            lock (Gate)
            {
                if (_devices.TryGetValue(deviceId, out var device))
                {
                    device.Secret = secret;
                }
                else
                {
                    _devices.Add(deviceId, new IotdaDeviceState(deviceId, secret));
                }
            }
        }

        /// <summary>Under <see cref="Gate"/>.</summary>
        public bool TryGetLocked(string deviceId, out IotdaDeviceState device) => _devices.TryGetValue(deviceId, out device);

        public string SecretOf(string deviceId)
        {
            lock (Gate)
            {
                return _devices.TryGetValue(deviceId, out var device) ? device.Secret : null;
            }
        }

        /// <summary>Appends an uplink to a device's bounded list, counts it (under the lock) and raises its event (outside).</summary>
        public void Store<T>(string deviceId, Func<IotdaDeviceState, List<T>> listOf, Action<IotdaDeviceState> count, T item, Action<T> handler)
        {
            lock (Gate)
            {
                if (!_devices.TryGetValue(deviceId, out var device))
                {
                    return;
                }

                var list = listOf(device);
                list.Add(item);
                if (list.Count > _options.MaxStoredPerDevice)
                {
                    list.RemoveAt(0);
                }

                count(device);
                PulseLocked();
            }

            Raise(handler, item);
        }

        public void RecordProblem(string deviceId, IotdaProblemKind kind, string detail)
        {
            var problem = new IotdaProblem(_options.Clock.GetUtcNow(), deviceId, kind, detail);
            lock (Gate)
            {
                _problems.Add(problem);
                ProblemCount++;
                if (_problems.Count > _options.MaxStoredPerDevice)
                {
                    _problems.RemoveAt(0);
                }

                PulseLocked();
            }

            Log(problem.ToString());
            Raise(ProblemRecorded, problem);
        }

        public IReadOnlyList<IotdaProblem> Problems()
        {
            lock (Gate)
            {
                return _problems.ToList();
            }
        }

        /// <summary>Under <see cref="Gate"/>.</summary>
        public IotdaProblem FindProblemLocked(Func<IotdaProblem, bool> predicate) => _problems.FirstOrDefault(predicate);

        public IReadOnlyList<T> Snapshot<T>(string deviceId, Func<IotdaDeviceState, List<T>> listOf)
        {
            lock (Gate)
            {
                return _devices.TryGetValue(deviceId, out var device) ? listOf(device).ToList() : new List<T>();
            }
        }

        /// <summary>Under <see cref="Gate"/>.</summary>
        public T FindLocked<T>(string deviceId, Func<IotdaDeviceState, List<T>> listOf, Func<T, bool> predicate)
            where T : class =>
            _devices.TryGetValue(deviceId, out var device) ? listOf(device).FirstOrDefault(predicate) : null;

        /// <summary>Evaluates <paramref name="find"/> under the lock each time the state changes, until it yields or time runs out.</summary>
        public async Task<T> WaitForAsync<T>(Func<T> find, TimeSpan timeout)
            where T : class
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (true)
            {
                Task changed;
                lock (Gate)
                {
                    var hit = find();
                    if (hit != null)
                    {
                        return hit;
                    }

                    changed = _changed.Task;
                }

                try
                {
                    await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    lock (Gate)
                    {
                        return find();
                    }
                }
            }
        }

        /// <summary>Wakes every bounded wait; under <see cref="Gate"/>.</summary>
        public void PulseLocked()
        {
            var previous = _changed;
            _changed = NewSignal();
            previous.TrySetResult();
        }

        public void Raise<T>(Action<T> handler, T item)
        {
            try
            {
                handler?.Invoke(item);
            }
            catch (Exception e)
            {
                // A faulty subscriber must not break the broker's receive loop.
                Log($"event handler failed: {e.Message}");
            }
        }

        public void Log(string line) => _options.Log?.Invoke(line);

        private static TaskCompletionSource NewSignal() => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
