using System;
using System.Text;
using StmNode.Mqtt;
using StmNode.Node;

namespace StmNode.Benchmarks
{
    /// <summary>
    /// Bytes on the wire for one report and one command round over Core's EC20 link (run with --wire): the MQTT
    /// PUBLISH against its minimum, the AT bytes each way on the UART and their time at 115200 baud (8N1, 10 bits).
    /// </summary>
    public static class WireReport
    {
        public const double MicrosPerByte = 10 * 1_000_000.0 / 115200;

        public static void Run()
        {
            byte[] transcript = ModemTranscript.Ec20();
            int lines = 0;
            StmNode.At.AtLineFramer framer = new StmNode.At.AtLineFramer(512, 1024);
            foreach (byte b in transcript)
            {
                lines += framer.Push(b) == StmNode.At.AtLineFramer.LineReady ? 1 : 0;
            }

            Console.WriteLine("EC20 transcript for the AT framing benchmarks: " + transcript.Length + " bytes, " + lines + " lines");
            Console.WriteLine();
            using NodeRig rig = new NodeRig();
            rig.UseInstantModem();
            AllocationBreakdown(rig);
            rig.ReportCycle();
            rig.Instant.ResetCounts();
            CloudMessage report = rig.ReportCycle();
            long reportDevice = rig.Instant.DeviceBytes;
            long reportModem = rig.Instant.ModemBytes;

            int payload = report.Payload.Length;
            int topic = Encoding.UTF8.GetByteCount(report.Topic);
            byte[] buffer = new byte[4096];
            int qos1 = MqttEncoder.Publish(buffer, 0, report.Topic, report.Payload, 0, payload, 1, false, false, 1, out _);
            int qos0 = MqttEncoder.Publish(buffer, 0, report.Topic, report.Payload, 0, payload, 0, false, false, 0, out _);

            Console.WriteLine("## Bytes on the wire per report (EC20, IoTDA stm32 report)");
            Console.WriteLine();
            Console.WriteLine("| what | bytes |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine("| JSON body | " + payload + " |");
            Console.WriteLine("| topic | " + topic + " |");
            Console.WriteLine("| MQTT PUBLISH QoS 1 as sent (the modem builds the same packet) | " + qos1 + " |");
            Console.WriteLine("| minimum PUBLISH for this topic and body (QoS 0, shortest length field) | " + qos0 + " |");
            Console.WriteLine("| MQTT overhead over the body (QoS 1) | " + (qos1 - payload) + " (" + Percent(qos1 - payload, payload) + ") |");
            Console.WriteLine("| PUBACK back | 4 |");
            Console.WriteLine("| UART device → modem (AT+QMTPUB line + body) | " + reportDevice + " |");
            Console.WriteLine("| UART modem → device (prompt, OK, +QMTPUB URC) | " + reportModem + " |");
            long atOverhead = reportDevice - payload + reportModem;
            Console.WriteLine("| AT overhead per publish (UART bytes besides the body) | " + atOverhead + " (" + Percent(atOverhead, payload) + ") |");
            Console.WriteLine("| UART time device → modem at 115200 | " + Ms(reportDevice) + " ms |");
            Console.WriteLine("| UART time modem → device at 115200 | " + Ms(reportModem) + " ms |");
            Console.WriteLine();

            byte[] urc = NodeRig.CommandUrc("4d9b0a1c-0001", true);
            rig.Instant.ResetCounts();
            rig.Instant.InjectUrc(urc);
            CloudMessage response = rig.CommandCycle();
            long commandDevice = rig.Instant.DeviceBytes;
            // "Response written" ends with the last body byte: the OK and +QMTPUB that follow are not in the latency;
            // before it the device has read the URC and the prompt ("\r\n> ").
            long inBeforeWritten = urc.Length + 4;
            Console.WriteLine("## Command latency on the wire (SET_LED, EC20 at 115200 baud)");
            Console.WriteLine();
            Console.WriteLine("| what | bytes | time |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine("| +QMTRECV URC in | " + urc.Length + " | " + Ms(urc.Length) + " ms |");
            Console.WriteLine("| prompt in | " + (inBeforeWritten - urc.Length) + " | " + Ms(inBeforeWritten - urc.Length) + " ms |");
            Console.WriteLine("| AT+QMTPUB line + response body out (body " + response.Payload.Length + " B) | " + commandDevice + " | " + Ms(commandDevice) + " ms |");
            Console.WriteLine("| wire time, URC start → response written | " + (inBeforeWritten + commandDevice) + " | " + Ms(inBeforeWritten + commandDevice) + " ms |");
        }

        /// <summary>Where a steady-state report cycle's allocations go (this thread only, averaged over 1000 cycles).</summary>
        public static void AllocationBreakdown(NodeRig rig)
        {
            const int n = 1000;
            long report = 0;
            long encode = 0;
            long publish = 0;
            for (int i = 0; i < n + 100; i++)
            {
                long t0 = GC.GetAllocatedBytesForCurrentThread();
                long now = rig.Clock.UptimeMs;
                rig.Sensors.Poll(now);
                NodeReport r = new NodeReport(Stm32Service.Id, now);
                r.SetEventTime(rig.Clock.UtcNow);
                rig.Sensors.AddTo(r, now);
                r.AddInt(Stm32Service.Led1.Name, 0);
                r.AddInt(Stm32Service.Led2.Name, 0);
                r.AddInt(Stm32Service.Led3.Name, 0);
                long t1 = GC.GetAllocatedBytesForCurrentThread();
                CloudMessage message = rig.Cloud.Report(r);
                long t2 = GC.GetAllocatedBytesForCurrentThread();
                rig.Link.Publish(message.Topic, message.Payload, 0, message.Payload.Length, 1);
                long t3 = GC.GetAllocatedBytesForCurrentThread();
                if (i >= 100)
                {
                    report += t1 - t0;
                    encode += t2 - t1;
                    publish += t3 - t2;
                }
            }

            Console.WriteLine("## Allocations of one report cycle, by stage (Core only, instant EC20)");
            Console.WriteLine();
            Console.WriteLine("| stage | bytes per cycle |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine("| sensors → NodeReport (typed value arrays) | " + report / n + " |");
            Console.WriteLine("| CloudUplink.Report (JSON into a reused buffer, copied into a new payload + CloudMessage) | " + encode / n + " |");
            Console.WriteLine("| QuectelMqttLink.Publish (AT command text, reply lines and objects) | " + publish / n + " |");
            Console.WriteLine("| total | " + (report + encode + publish) / n + " |");
            Console.WriteLine();
        }

        private static string Ms(long bytes) => (bytes * MicrosPerByte / 1000).ToString("F2");

        private static string Percent(long part, long whole) => (100.0 * part / whole).ToString("F0") + " %";
    }
}
