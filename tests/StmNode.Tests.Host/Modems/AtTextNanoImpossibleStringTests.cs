using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.At;

namespace StmNode.Tests.Modems
{
    /// <summary>
    /// Host-only: a NUL inside a string, which a nanoFramework string cannot hold (it is UTF-8 and ends at U+0000, so
    /// "a" + (char)0 + "b" is "a" there). The PC node gets its APN, host and credentials from .NET, where such a
    /// string can exist, so both dialects must refuse it here; the shared AtTextTests check the modem bytes instead.
    /// </summary>
    [TestClass]
    public class AtTextNanoImpossibleStringTests
    {
        [TestMethod]
        public void NulCharacter_RefusedByBothDialects()
        {
            string value = "a\0b";

            Assert.IsNull(AtText.EscapeEspAt(value));
            Assert.IsFalse(AtText.IsQuectelSafe(value, 255));
        }
    }
}
