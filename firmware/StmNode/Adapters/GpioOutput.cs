using System.Device.Gpio;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>An ESP32 GPIO driven as an output (LEDs; the modems' PWRKEY and RESET through their NPN transistors).</summary>
    public sealed class GpioOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        public GpioOutput(GpioController controller, int gpio)
        {
            _pin = controller.OpenPin(gpio, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }
    }
}
