using System;
using StmNode.Leds;
using StmNode.Ports;
using StmNode.Sensors;

namespace StmNode.Node
{
    /// <summary>
    /// Makes the node's two reports as the product model names them: the stm32 service (readings and LEDs, also the
    /// answer to a property get) and the diag service (board, link and buffer figures). Each carries the time it was
    /// made, and its event time when the clock is set.
    /// </summary>
    public sealed class ReportBuilder
    {
        private readonly IClock _clock;
        private readonly SensorBoard _sensors;
        private readonly LedBank _leds;
        private readonly ISystemControl _system;
        private readonly LinkSupervisor _links;
        private readonly ReportBuffer _buffer;

        public ReportBuilder(IClock clock, SensorBoard sensors, LedBank leds, ISystemControl system, LinkSupervisor links, ReportBuffer buffer)
        {
            _clock = clock;
            _sensors = sensors;
            _leds = leds;
            _system = system;
            _links = links;
            _buffer = buffer;
        }

        /// <summary>The readings and LED states now.</summary>
        public NodeReport Readings(long now)
        {
            NodeReport report = NewReport(Stm32Service.Id, now);
            _sensors.AddTo(report, now);
            report.AddInt(Stm32Service.Led1.Name, _leds.IsOn(1) ? 1 : 0);
            report.AddInt(Stm32Service.Led2.Name, _leds.IsOn(2) ? 1 : 0);
            report.AddInt(Stm32Service.Led3.Name, _leds.IsOn(3) ? 1 : 0);
            return report;
        }

        /// <summary>The node's health now.</summary>
        public NodeReport Diagnostics(long now)
        {
            NodeReport report = NewReport(DiagService.Id, now);
            report.AddInt(DiagService.Uptime.Name, (int)(now / 1000));
            report.AddString(DiagService.ResetReason.Name, _system.ResetReason);
            // The property is an int: a port reporting more (a PC) is clamped, a negative figure means unknown.
            long free = _system.FreeMemoryBytes;
            if (free >= 0)
            {
                report.AddInt(DiagService.FreeMemory.Name, free > int.MaxValue ? int.MaxValue : (int)free);
            }

            report.AddString(DiagService.Link.Name, _links.CurrentKind);
            ILinkInfo info = _links.CurrentInfo;

            // One read: on a modem each is an AT command, and a second one may fail and give 0 ("unknown").
            int signalDbm = info == null ? 0 : info.SignalDbm;
            if (signalDbm != 0)
            {
                report.AddInt(DiagService.Signal.Name, signalDbm);
            }

            report.AddInt(DiagService.Reconnects.Name, _links.ReconnectCount);
            report.AddString(DiagService.LastError.Name, _links.LastError);
            report.AddInt(DiagService.Buffered.Name, _buffer.Count);
            report.AddInt(DiagService.Dropped.Name, _buffer.DroppedCount);
            report.AddString(DiagService.Firmware.Name, _system.FirmwareVersion);
            if (info != null && info.Imei != null && info.Imei.Length > 0)
            {
                report.AddString(DiagService.Imei.Name, info.Imei);
            }

            if (info != null && info.Iccid != null && info.Iccid.Length > 0)
            {
                report.AddString(DiagService.Iccid.Name, info.Iccid);
            }

            report.AddInt(DiagService.SensorErrors.Name, _sensors.ErrorCount + _sensors.OmittedCount);
            report.AddString(DiagService.SensorLastError.Name, _sensors.LastError);
            return report;
        }

        /// <summary>A report made before the clock was set gets its event time from its age, once the clock is set.</summary>
        public void StampEventTime(NodeReport report, long now)
        {
            if (!report.HasEventTime && _clock.IsUtcValid)
            {
                report.SetEventTime(_clock.UtcNow.AddTicks(-(now - report.CreatedUptimeMs) * TimeSpan.TicksPerMillisecond));
            }
        }

        private NodeReport NewReport(string service, long now)
        {
            NodeReport report = new NodeReport(service, now);
            if (_clock.IsUtcValid)
            {
                report.SetEventTime(_clock.UtcNow);
            }

            return report;
        }
    }
}
