using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace StmNode.Tests
{
    /// <summary>A piece of test code that is expected to throw.</summary>
    public delegate void TestAction();

    /// <summary>
    /// The MSTest side of the few assertions whose shape differs from nanoFramework.TestFramework's
    /// (tests/StmNode.Tests.Fakes/Nano/Expect.cs is the nano side; both have the same members).
    /// </summary>
    public static class Expect
    {
        /// <summary>Passes only when the action throws exactly this exception type.</summary>
        public static void Throws(Type exceptionType, TestAction action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() == exceptionType)
                {
                    return;
                }

                Assert.Fail("Expected " + exceptionType.Name + " but got " + e.GetType().Name + ": " + e.Message);
            }

            Assert.Fail("Expected " + exceptionType.Name + " but nothing was thrown.");
        }

        /// <summary>Fails the running test with a message.</summary>
        public static void Fail(string message)
        {
            Assert.Fail(message);
        }
    }
}
