using System;

namespace StmNode.Host
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.WriteLine("StmNode host: the node loop arrives with the node issue.");
            return 0;
        }
    }
}
