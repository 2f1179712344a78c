using System.Collections;
using StmNode.Json;

namespace StmNode.Cloud
{
    /// <summary>
    /// The IoTDA JSON bodies (protocols.md §1.4, §1.6), shared by the Huawei profile and the generic MQTT profile:
    /// decoders fill a <see cref="Downlink"/>, encoders write into a <see cref="JsonWriter"/>.
    /// </summary>
    public static class IotdaBodies
    {
        /// <summary>messages/down: the LED fields, either at the top level or inside the system format's "content" object.</summary>
        public static void DecodeLedMessage(Hashtable body, DeviceModel model, Downlink downlink)
        {
            downlink.Kind = DownlinkKind.LedMessage;
            Hashtable fields = body;
            if (body.Contains("content"))
            {
                fields = CloudJson.GetObject(body, "content", true, downlink);
                if (fields == null)
                {
                    return;
                }
            }

            ParameterChecker.Check(fields, model.WritableProperties, downlink);
        }

        /// <summary>{"service_id":…,"command_name":…,"paras":{…}}, checked against the model's commands.</summary>
        public static void DecodeCommand(Hashtable body, DeviceModel model, Downlink downlink)
        {
            downlink.Kind = DownlinkKind.Command;
            downlink.ServiceId = CloudJson.GetString(body, "service_id", false, downlink);
            downlink.CommandName = CloudJson.GetString(body, "command_name", true, downlink);
            Hashtable paras = CloudJson.GetObject(body, "paras", false, downlink);
            if (!downlink.IsOk)
            {
                return;
            }

            if (model.IsPassThrough)
            {
                ParameterChecker.Check(paras, null, downlink);
                return;
            }

            if (downlink.ServiceId != null && downlink.ServiceId != model.ServiceId)
            {
                downlink.Fail(DownlinkError.UnknownCommand, "service " + downlink.ServiceId + " is not known");
                return;
            }

            CommandSpec command = model.FindCommand(downlink.CommandName);
            if (command == null)
            {
                downlink.Fail(DownlinkError.UnknownCommand, "command " + downlink.CommandName + " is not known");
                return;
            }

            downlink.ResponseName = command.ResponseName;
            ParameterChecker.Check(paras, command.Parameters, downlink);
        }

        /// <summary>{"services":[{"service_id":…,"properties":{…}}]}: every service must be the model's, properties writable.</summary>
        public static void DecodePropertySet(Hashtable body, DeviceModel model, Downlink downlink)
        {
            downlink.Kind = DownlinkKind.PropertySet;
            ArrayList services = CloudJson.GetArray(body, "services", true, downlink);
            if (services == null)
            {
                return;
            }

            if (services.Count == 0)
            {
                downlink.Fail(DownlinkError.MissingField, "services is empty");
                return;
            }

            for (int i = 0; i < services.Count && downlink.IsOk; i++)
            {
                Hashtable service = services[i] as Hashtable;
                if (service == null)
                {
                    downlink.Fail(DownlinkError.BadFieldType, "services[" + i.ToString() + "] is not an object");
                    return;
                }

                string serviceId = CloudJson.GetString(service, "service_id", true, downlink);
                Hashtable properties = CloudJson.GetObject(service, "properties", true, downlink);
                if (!downlink.IsOk)
                {
                    return;
                }

                if (model.ServiceId != null && serviceId != model.ServiceId)
                {
                    downlink.Fail(DownlinkError.UnknownField, "service " + serviceId + " is not writable");
                    return;
                }

                downlink.ServiceId = serviceId;
                ParameterChecker.Check(properties, model.WritableProperties, downlink);
            }
        }

        /// <summary>{"service_id":…} (optional: absent means all services).</summary>
        public static void DecodePropertyGet(Hashtable body, Downlink downlink)
        {
            downlink.Kind = DownlinkKind.PropertyGet;
            downlink.ServiceId = CloudJson.GetString(body, "service_id", false, downlink);
        }

        /// <summary>
        /// events/down: a $time_sync / time_sync_response event fills the three times and returns true; any other
        /// event (OTA, SDK info…) returns false and leaves the downlink Unknown.
        /// </summary>
        public static bool DecodeTimeSync(Hashtable body, Downlink downlink)
        {
            ArrayList services = body["services"] as ArrayList;
            if (services == null)
            {
                return false;
            }

            for (int i = 0; i < services.Count; i++)
            {
                Hashtable service = services[i] as Hashtable;
                if (service == null || !"$time_sync".Equals(service["service_id"]) || !"time_sync_response".Equals(service["event_type"]))
                {
                    continue;
                }

                downlink.Kind = DownlinkKind.TimeSync;
                downlink.ServiceId = "$time_sync";
                Hashtable paras = CloudJson.GetObject(service, "paras", true, downlink);
                if (paras != null)
                {
                    downlink.DeviceSendTimeMs = CloudJson.GetLong(paras, "device_send_time", true, downlink);
                    downlink.ServerRecvTimeMs = CloudJson.GetLong(paras, "server_recv_time", true, downlink);
                    downlink.ServerSendTimeMs = CloudJson.GetLong(paras, "server_send_time", true, downlink);
                }

                return true;
            }

            return false;
        }

        /// <summary>
        /// {"result_code":0,"response_name":"…","paras":{"result":"…",…}}: the reply's text as "result", then its
        /// parameters; the name (from the device model) left out when null, paras when there is nothing to put in it.
        /// </summary>
        public static void WriteCommandResponse(JsonWriter writer, string responseName, Reply reply)
        {
            writer.BeginObject();
            writer.WriteLong("result_code", reply.ResultCode);
            if (responseName != null)
            {
                writer.WriteString("response_name", responseName);
            }

            if (reply.Text != null || reply.Count > 0)
            {
                writer.WriteName("paras");
                writer.BeginObject();
                if (reply.Text != null)
                {
                    writer.WriteString("result", reply.Text);
                }

                reply.WriteParameters(writer);
                writer.EndObject();
            }

            writer.EndObject();
        }

        /// <summary>{"result_code":0,"result_desc":"…"}: the reply's text as the description, left out when null.</summary>
        public static void WritePropertySetResponse(JsonWriter writer, Reply reply)
        {
            writer.BeginObject();
            writer.WriteLong("result_code", reply.ResultCode);
            if (reply.Text != null)
            {
                writer.WriteString("result_desc", reply.Text);
            }

            writer.EndObject();
        }

        /// <summary>The $time_sync request event (protocols.md §1.6), without event_time: the clock may not be set yet.</summary>
        public static void WriteTimeSyncRequest(JsonWriter writer, string deviceId, long deviceSendTimeMs)
        {
            writer.BeginObject();
            writer.WriteString("object_device_id", deviceId);
            writer.WriteName("services");
            writer.BeginArray();
            writer.BeginObject();
            writer.WriteString("service_id", "$time_sync");
            writer.WriteString("event_type", "time_sync_request");
            writer.WriteName("paras");
            writer.BeginObject();
            writer.WriteLong("device_send_time", deviceSendTimeMs);
            writer.EndObject();
            writer.EndObject();
            writer.EndArray();
            writer.EndObject();
        }

        /// <summary>The writer's length when it finished a whole document, else -1.</summary>
        public static int Finish(JsonWriter writer)
        {
            return writer.IsComplete ? writer.Length : -1;
        }
    }
}
