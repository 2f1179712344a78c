#nullable enable
namespace StmNode.Host.Emulators
{
    /// <summary>
    /// The modem models the host knows, each one documented module and firmware generation, and the Core driver
    /// that drives it: <c>bc26</c>; <c>ec20</c> (current firmware) and <c>ec20-old</c> (no QMTCFG "recv/mode", no
    /// QSSLCFG "sni"); <c>esp32-at</c> and <c>esp8266-at</c> (ESP-AT 2.x; <c>esp-at</c> is the ESP32).
    /// </summary>
    public static class ModemModels
    {
        public static readonly string[] Names = { "bc26", "ec20", "ec20-old", "esp32-at", "esp8266-at", "esp-at" };

        /// <summary>The driver (and --link name) of a model: bc26, ec20 or esp-at; null for an unknown model.</summary>
        public static string? DriverOf(string? model)
        {
            switch (model)
            {
                case "bc26":
                    return "bc26";
                case "ec20":
                case "ec20-old":
                    return "ec20";
                case "esp-at":
                case "esp":
                case "esp32-at":
                case "esp8266-at":
                    return "esp-at";
                default:
                    return null;
            }
        }

        /// <summary>The model a driver gets when none is named.</summary>
        public static string DefaultFor(string driver) => driver == "esp-at" ? "esp32-at" : driver;

        /// <summary>The emulator of a model, or null for an unknown name.</summary>
        public static AtEmulator? CreateEmulator(string model, EmulatorOptions? options = null)
        {
            switch (model)
            {
                case "bc26":
                    return new Bc26Emulator(options);
                case "ec20":
                    return new Ec20Emulator(options);
                case "ec20-old":
                    return new Ec20Emulator(options) { OldFirmware = true };
                case "esp-at":
                case "esp":
                case "esp32-at":
                    return new EspAtEmulator(options);
                case "esp8266-at":
                    return new EspAtEmulator(options) { Esp8266 = true };
                default:
                    return null;
            }
        }
    }
}
