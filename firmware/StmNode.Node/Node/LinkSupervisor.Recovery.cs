using StmNode.Ports;

namespace StmNode.Node
{
    /// <summary>The supervisor's ways back: failback to a preferred transport, the modem's escalation ladder, the reboot of last resort.</summary>
    public sealed partial class LinkSupervisor
    {
        // Online on a backup transport: now and then try the preferred ones beside the running session, and switch only
        // once one is connected and subscribed, so a preferred link that is still down costs nothing but the try. A try
        // that fails pushes the next one out by the link backoff when that is longer than the check period: no flapping.
        private void CheckFailback()
        {
            long now = _clock.UptimeMs;
            if (_current == 0 || _config.FailbackCheckSeconds <= 0 || now < _nextFailbackMs)
            {
                return;
            }

            for (int i = 0; i < _current; i++)
            {
                LinkSlot preferred = Slot(i);
                string credentialError;
                LinkResult result = Connect(preferred, out credentialError);
                if (result == LinkResult.Ok && preferred.Link.IsConnected)
                {
                    SwitchTo(i);
                    return;
                }

                preferred.Link.Disconnect();
                Log(LogLevel.Info, "fail-back to " + preferred.Link.Kind + " not possible yet; staying on " + Slot(_current).Link.Kind);
            }

            long checkMs = _config.FailbackCheckSeconds * 1000L;
            long delayMs = _failbackBackoff.NextDelayMs();
            _nextFailbackMs = _clock.UptimeMs + (delayMs > checkMs ? delayMs : checkMs);
        }

        private void SwitchTo(int index)
        {
            LinkSlot backup = Slot(_current);

            // The new slot becomes current first, so anything the backup raises while closing is ignored.
            _current = index;
            _lostReason = null;
            backup.Link.Disconnect();
            Slot(index).Failures = 0;
            _backoff.Reset();
            _failbackBackoff.Reset();
            _nextFailbackMs = _clock.UptimeMs + _config.FailbackCheckSeconds * 1000L;
            FailbackCount++;
            SessionCount++;
            Log(LogLevel.Info, "failed back to " + Slot(index).Link.Kind + "; closed " + backup.Link.Kind);
        }

        // Before a retry, a modem link takes one rung of its ladder per consecutive failure.
        private void Escalate(LinkSlot slot)
        {
            if (slot.Recovery == null || slot.Failures == 0)
            {
                return;
            }

            State = LinkState.Recovering;
            bool ok;
            string step;
            if (slot.Failures == 1)
            {
                step = "MQTT reopen";
                ok = slot.Recovery.ReopenMqtt();
            }
            else if (slot.Failures == 2)
            {
                step = "radio cycle";
                ok = slot.Recovery.CycleRadio();
            }
            else
            {
                step = "power cycle";
                ok = slot.Recovery.CyclePower();
            }

            Log(ok ? LogLevel.Info : LogLevel.Warning, slot.Link.Kind + " recovery: " + step + (ok ? " done" : " failed"));
        }

        private void CheckReboot(long now)
        {
            int limitS = _config.RebootAfterOfflineSeconds;
            if (limitS <= 0 || _rebootRequested || !_roundDone || now - _offlineSinceMs < limitS * 1000L)
            {
                return;
            }

            _rebootRequested = true;
            string reason = "offline for " + ((now - _offlineSinceMs) / 1000).ToString() + " s on every transport";
            Log(LogLevel.Error, "asking for a reboot: " + reason);
            _system.RequestReboot(reason);
        }
    }
}
