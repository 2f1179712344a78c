using System.Device.Gpio;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>
    /// An ESP32 GPIO read as a digital input. The LM393 sensor modules drive their DO line themselves, so no pull-up is
    /// asked for (GPIO34..39 have none anyway); debouncing is Core's job.
    /// </summary>
    public sealed class GpioInput : IDigitalInput
    {
        private readonly GpioPin _pin;

        public GpioInput(GpioController controller, int gpio)
        {
            _pin = controller.OpenPin(gpio, PinMode.Input);
        }

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }
    }
}
