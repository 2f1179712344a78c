using System.Text.Json.Nodes;

namespace StmNode.Host.Iotda
{
    /// <summary>
    /// The result of a command, property set or property get, as the platform reports it to the application:
    /// the device's response body, or a timeout error.
    /// </summary>
    public sealed record IotdaRequestResult(
        string RequestId, IotdaRequestOutcome Outcome, JsonObject Body, string ErrorCode, string ErrorMessage)
    {
        /// <summary>IoTDA's error code for a command the device did not answer in time (protocols.md §1.5).</summary>
        public const string CommandTimeoutErrorCode = "IOTDA.014111";

        /// <summary>The device's <c>result_code</c>; absent means success (0), as on the platform.</summary>
        public int ResultCode
        {
            get
            {
                if (Body == null || !Body.TryGetPropertyValue("result_code", out var node) || node == null)
                {
                    return 0;
                }

                return node is JsonValue value && value.TryGetValue<int>(out var code) ? code : -1;
            }
        }

        public bool IsSuccess => Outcome == IotdaRequestOutcome.Answered && ResultCode == 0;
    }
}
