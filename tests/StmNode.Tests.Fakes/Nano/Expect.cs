using System;
using nanoFramework.TestFramework;

namespace StmNode.Tests
{
    /// <summary>A piece of test code that is expected to throw.</summary>
    public delegate void TestAction();

    /// <summary>
    /// The nanoFramework side of the few assertions whose shape differs from MSTest's
    /// (tests/StmNode.Tests.Host/Support/Expect.cs is the .NET side; both have the same members).
    /// </summary>
    public static class Expect
    {
        /// <summary>Passes only when the action throws exactly this exception type.</summary>
        public static void Throws(Type exceptionType, TestAction action)
        {
            Assert.ThrowsException(exceptionType, () => action());
        }

        /// <summary>Fails the running test with a message.</summary>
        public static void Fail(string message)
        {
            Assert.IsTrue(false, message);
        }
    }
}
