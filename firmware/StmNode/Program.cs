using System.Diagnostics;
using System.Threading;

namespace StmNode
{
    /// <summary>The ESP32 application's composition root: builds the adapters and runs the Core node.</summary>
    public static class Program
    {
        public static void Main()
        {
            Debug.WriteLine("StmNode starting for device " + Secrets.DeviceId);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
