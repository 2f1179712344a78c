using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using StmNode.Cloud;
using StmNode.Node;

namespace StmNode.Tests.Hardware
{
    /// <summary>
    /// Compares the node's product-model table (<see cref="Stm32Service"/>, <see cref="DiagService"/>) with the IoTDA
    /// product model in hardware/: the same services, properties, commands, parameters and responses, in the same order,
    /// each with the same type, range, length, access and required flag. Units, steps and descriptions are the file's
    /// own; any other field is a difference, so nothing the table does not hold can creep into the file.
    /// </summary>
    internal static class ProductModelDiff
    {
        private static readonly HashSet<string> DocumentationFields = new HashSet<string> { "unit", "step", "description" };

        /// <summary>One service as the node's table holds it.</summary>
        public sealed record ServiceTable(string Id, ModelProperty[] Properties, ModelCommand[] Commands);

        public static ServiceTable[] NodeTables()
        {
            return new[]
            {
                new ServiceTable(Stm32Service.Id, Stm32Service.Properties, Stm32Service.Commands),
                new ServiceTable(DiagService.Id, DiagService.Properties, new ModelCommand[0]),
            };
        }

        /// <summary>Every difference between the file and the tables, one line each; empty when they agree.</summary>
        public static List<string> Compare(JsonNode model, ServiceTable[] tables)
        {
            var differences = new List<string>();
            JsonArray services = model["service_capabilities"].AsArray();
            CompareNames("services", Names(services, "service_id"), Array.ConvertAll(tables, t => t.Id), differences);
            foreach (ServiceTable table in tables)
            {
                JsonNode service = Find(services, "service_id", table.Id);
                if (service == null)
                {
                    continue;
                }

                CompareEntries(table.Id, service["properties"].AsArray(), "property_name", table.Properties, true, differences);
                JsonArray commands = service["commands"].AsArray();
                CompareNames(table.Id + " commands", Names(commands, "command_name"), Array.ConvertAll(table.Commands, c => c.Name), differences);
                foreach (ModelCommand command in table.Commands)
                {
                    JsonNode json = Find(commands, "command_name", command.Name);
                    if (json != null)
                    {
                        CompareCommand(table.Id + "." + command.Name, json, command, differences);
                    }
                }
            }

            return differences;
        }

        private static void CompareCommand(string where, JsonNode json, ModelCommand command, List<string> differences)
        {
            CompareFields(where, json, new[] { "command_name", "paras", "responses" }, differences);
            CompareEntries(where, json["paras"].AsArray(), "para_name", command.Parameters, false, differences);
            JsonArray responses = json["responses"].AsArray();
            if (responses.Count != 1)
            {
                differences.Add(where + ": " + responses.Count + " responses, the table has one");
                return;
            }

            JsonNode response = responses[0];
            CompareFields(where + " response", response, new[] { "response_name", "paras" }, differences);
            Same(where + " response_name", (string)response["response_name"], command.ResponseName, differences);
            CompareEntries(where + " response", response["paras"].AsArray(), "para_name", command.ResponseParameters, false, differences);
        }

        private static void CompareEntries(string where, JsonArray json, string nameField, ModelProperty[] table, bool isProperty,
            List<string> differences)
        {
            CompareNames(where + " " + nameField, Names(json, nameField), Array.ConvertAll(table, p => p.Name), differences);
            foreach (ModelProperty entry in table)
            {
                JsonNode item = Find(json, nameField, entry.Name);
                if (item == null)
                {
                    continue;
                }

                string what = where + "." + entry.Name;
                bool isText = entry.Type == ParameterType.String;
                var fields = new List<string> { nameField, "data_type", "required" };
                fields.Add(isText ? "max_length" : "min");
                if (!isText)
                {
                    fields.Add("max");
                }

                if (isProperty)
                {
                    fields.Add("method");
                }

                CompareFields(what, item, fields.ToArray(), differences);
                Same(what + " data_type", (string)item["data_type"], TypeName(entry.Type), differences);
                Same(what + " required", item["required"]?.GetValue<bool>().ToString(), entry.Required.ToString(), differences);
                if (isText)
                {
                    Same(what + " max_length", item["max_length"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture),
                        entry.MaxLength.ToString(CultureInfo.InvariantCulture), differences);
                }
                else
                {
                    Same(what + " min", Number(item["min"]), entry.Min.ToString("R", CultureInfo.InvariantCulture), differences);
                    Same(what + " max", Number(item["max"]), entry.Max.ToString("R", CultureInfo.InvariantCulture), differences);
                }

                if (isProperty)
                {
                    Same(what + " method", (string)item["method"], entry.Method, differences);
                }
            }
        }

        // The fields the table decides must all be there, and nothing else but documentation.
        private static void CompareFields(string where, JsonNode item, string[] expected, List<string> differences)
        {
            var wanted = new HashSet<string>(expected);
            foreach (KeyValuePair<string, JsonNode> field in item.AsObject())
            {
                if (!wanted.Remove(field.Key) && !DocumentationFields.Contains(field.Key))
                {
                    differences.Add(where + ": field " + field.Key + " is not in the table");
                }
            }

            foreach (string missing in wanted)
            {
                differences.Add(where + ": field " + missing + " is missing from the file");
            }
        }

        private static void CompareNames(string where, string[] file, string[] table, List<string> differences)
        {
            Same(where, string.Join(", ", file), string.Join(", ", table), differences);
        }

        private static void Same(string what, string file, string table, List<string> differences)
        {
            if (file != table)
            {
                differences.Add(what + ": the file has " + (file ?? "nothing") + ", the table " + (table ?? "nothing"));
            }
        }

        private static string TypeName(ParameterType type)
        {
            switch (type)
            {
                case ParameterType.Int: return "int";
                case ParameterType.Double: return "decimal";
                case ParameterType.String: return "string";
                default: return "bool";
            }
        }

        // The product model writes bounds as strings ("86400"); compared as numbers.
        private static string Number(JsonNode value)
        {
            return value == null ? null : double.Parse((string)value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
        }

        private static string[] Names(JsonArray items, string field)
        {
            var names = new string[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                names[i] = (string)items[i][field];
            }

            return names;
        }

        private static JsonNode Find(JsonArray items, string field, string name)
        {
            foreach (JsonNode item in items)
            {
                if ((string)item[field] == name)
                {
                    return item;
                }
            }

            return null;
        }
    }
}
