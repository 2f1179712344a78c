using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace StmNode.Adapters
{
    /// <summary>
    /// The ESP32's Wi-Fi station. Connecting is bounded by a cancellation timeout and, with requiresDateTime, also
    /// waits (within that timeout) until the SNTP client the firmware starts once it has an address has set the clock:
    /// TLS to IoTDA checks the certificate's dates, which an unset RTC fails.
    /// </summary>
    public sealed class WifiBearer
    {
        private readonly string _ssid;
        private readonly string _password;
        private readonly int _timeoutMs;

        public WifiBearer(string ssid, string password, int timeoutMs)
        {
            _ssid = ssid;
            _password = password;
            _timeoutMs = timeoutMs;
            LastError = "";
        }

        /// <summary>Why the last connect failed (never contains the password).</summary>
        public string LastError { get; private set; }

        /// <summary>Joins the network (quick when already joined). False after the timeout or on an error.</summary>
        public bool Connect()
        {
            try
            {
                // The source's timer cancels the token; disposing it stops the timer once the call has returned.
                using (CancellationTokenSource timeout = new CancellationTokenSource(_timeoutMs))
                {
                    bool ok = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, requiresDateTime: true, token: timeout.Token);
                    if (!ok)
                    {
                        // ConnectDhcp catches its own failures and reports them through Status and HelperException.
                        Exception cause = WifiNetworkHelper.HelperException;
                        LastError = "Wi-Fi '" + _ssid + "' not joined (status " + ((int)WifiNetworkHelper.Status).ToString() + (cause == null ? ")" : ", " + cause.GetType().Name + ")");
                    }

                    return ok;
                }
            }
            catch (Exception e)
            {
                LastError = "Wi-Fi error: " + e.GetType().Name;
                return false;
            }
        }
    }
}
