using System;
using StmNode.At;
using StmNode.Cloud;
using StmNode.Config;
using StmNode.Leds;
using StmNode.Modems;
using StmNode.Node;
using StmNode.Ports;
using StmNode.Sensors;
using StmNode.Tests.Fakes;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace StmNode.NanoBench
{
    /// <summary>
    /// The heap the device keeps in its worst state, part by part (live bytes after a full collection, each part
    /// kept alive while the next is measured): the node with both modem links, the EC20 link connected; the offline
    /// buffer full of steady-state reports; the request cache full of answers. tools/nano-bench adds the libraries
    /// (the RAM nanoCLR reports for each assembly the app loads) and checks the total against the budget.
    /// </summary>
    public static class LiveBytes
    {
        // Kept in static fields so that nothing measured is collected before the end.
        private static object _node;
        private static object _buffer;
        private static object _cache;

        public static void Run()
        {
            uint free = NativeGC.Run(false);
            ManualClock clock = new ManualClock();
            NodeConfig config = new NodeConfig();
            config.DeviceId = ReportDocument.DeviceId;
            config.DeviceSecret = "Sens0rS3cret!";
            config.CloudHost = "iot.example.com";
            SilentLog log = new SilentLog();
            FakeAnalogInput gas = new FakeAnalogInput();
            gas.Value = 400;
            SensorBoard sensors = new SensorBoard(config, new FakeHumiditySensor(), new FakeDigitalInput(true), gas, new FakeDigitalInput(true), new FakeDigitalInput(true), new FakeDigitalInput(false));
            LedBank leds = new LedBank(new FakeDigitalOutput(), new FakeDigitalOutput(), new FakeDigitalOutput());
            HuaweiIotdaSettings iotda = new HuaweiIotdaSettings();
            iotda.Host = config.CloudHost;
            iotda.DeviceId = config.DeviceId;
            iotda.Secret = config.DeviceSecret;
            HuaweiIotdaProfile cloud = new HuaweiIotdaProfile(iotda, Stm32Service.CreateDeviceModel());
            NodeController node = new NodeController(config, clock, log, cloud, sensors, leds, new FakeSystem(), 12345);

            ScriptedModemLine script = new ScriptedModemLine(clock);
            Ec20Rig.Script(script);
            InstantEc20 ec20Line = new InstantEc20(script);
            QuectelModem ec20 = new QuectelModem(QuectelModel.Ec20, new AtChannel(ec20Line, clock, log), log, new FakeDigitalOutput(), new FakeDigitalOutput());
            QuectelMqttLink ec20Link = new QuectelMqttLink(ec20);
            if (ec20Link.Connect(Ec20Rig.Options()) != LinkResult.Ok)
            {
                throw new InvalidOperationException("EC20 connect script failed: " + ec20Link.LastError);
            }

            ec20Line.GoInstant();
            script = null;
            node.AddLink(QuectelRecovery.TransportOf(ec20, ec20Link, 0));
            QuectelModem bc26 = new QuectelModem(QuectelModel.Bc26, new AtChannel(new InstantEc20(null), clock, log), log, new FakeDigitalOutput(), new FakeDigitalOutput());
            node.AddLink(QuectelRecovery.TransportOf(bc26, new QuectelMqttLink(bc26), config.Bc26PlainPort));
            _node = node;
            free = Print("node online over EC20, BC26 link added", free);

            ReportBuffer buffer = new ReportBuffer(config.OfflineBufferCapacity);
            for (int i = 0; i < config.OfflineBufferCapacity; i++)
            {
                clock.Advance(60000);
                long now = clock.UptimeMs;
                sensors.Poll(now);
                NodeReport report = new NodeReport(Stm32Service.Id, now);
                report.SetEventTime(clock.UtcNow);
                sensors.AddTo(report, now);
                report.AddInt(Stm32Service.Led1.Name, 0);
                report.AddInt(Stm32Service.Led2.Name, 0);
                report.AddInt(Stm32Service.Led3.Name, 0);
                buffer.Add(report);
            }

            _buffer = buffer;
            free = Print("offline buffer full (" + config.OfflineBufferCapacity + " reports)", free);

            RequestCache cache = new RequestCache(DownlinkDispatcher.AnsweredCapacity);
            CloudUplink uplink = new CloudUplink(cloud);
            for (int i = 0; i < DownlinkDispatcher.AnsweredCapacity; i++)
            {
                string requestId = "a1b2c3d4-0000-4000-8000-" + (100000000000 + i).ToString();
                Downlink command = cloud.Decode("$oc/devices/" + config.DeviceId + "/sys/commands/request_id=" + requestId, CommandBody, 0, CommandBody.Length);
                cache.Add(requestId, uplink.Answer(command, new Reply(0, "success")));
            }

            _cache = cache;
            Print("request cache full (" + DownlinkDispatcher.AnsweredCapacity + " answers)", free);
        }

        private static readonly byte[] CommandBody = System.Text.Encoding.UTF8.GetBytes("{\"service_id\":\"stm32\",\"command_name\":\"SET_LED\",\"paras\":{\"led\":2,\"state\":1}}");

        private static uint Print(string what, uint freeBefore)
        {
            uint free = NativeGC.Run(false);
            Console.WriteLine("live|" + what + "|" + (freeBefore - free));
            return free;
        }
    }
}
