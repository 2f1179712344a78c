using System;

namespace StmNode.NanoBench
{
    /// <summary>
    /// tools/nano-bench's program on nanoCLR: every group of device hot paths beside its peers, then the report cycle
    /// and command round through the EC20 link, then the live bytes of the worst state. Each result is one line that
    /// tools/nano-bench turns into the table of docs/performance.md, "On the nanoFramework runtime".
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            Console.WriteLine("bench|start");
            Run("mqtt", MqttBenches.Run);
            Run("json", JsonBenches.Run);
            Run("at", AtBenches.Run);
            Run("link", LinkBenches);
            Run("live", LiveBytes.Run);
            Console.WriteLine("bench|end");
        }

        private delegate void Group();

        private static void Run(string name, Group group)
        {
            try
            {
                group();
            }
            catch (Exception e)
            {
                Console.WriteLine("error|" + name + "|" + e.GetType().Name + ": " + e.Message);
            }
        }

        private static void LinkBenches()
        {
            Ec20Rig rig = new Ec20Rig();
            Bench.Run("EC20 link", "StmNode report cycle (sensors to AT+QMTPUB)", rig.ReportCycle, 1);
            Bench.Run("EC20 link", "StmNode command round (+QMTRECV to answer published)", rig.CommandRound, 1);
        }
    }
}
