using System;
using System.Device.Adc;
using StmNode.Ports;

namespace StmNode.Adapters
{
    /// <summary>An ESP32 ADC1 channel (12 bit). ADC2 cannot be used while Wi-Fi is on.</summary>
    public sealed class AdcInput : IAnalogInput
    {
        private readonly AdcChannel _channel;
        private readonly int _maxValue;

        public AdcInput(AdcController controller, int channel)
        {
            _maxValue = controller.MaxValue;
            _channel = controller.OpenChannel(channel);
        }

        public int MaxValue
        {
            get { return _maxValue; }
        }

        public int Read()
        {
            try
            {
                return _channel.ReadValue();
            }
            catch (Exception)
            {
                // A failed conversion is a missing reading, not a reason to stop the node.
                return -1;
            }
        }
    }
}
