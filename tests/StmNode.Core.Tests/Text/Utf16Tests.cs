#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Text;

namespace StmNode.Tests.Text
{
    [TestClass]
    public class Utf16Tests
    {
        [TestMethod]
        [DataRow("\U0001F600", 0, true)]
        [DataRow("a\U0001F600b", 1, true)]
        [DataRow("a\U0001F600\U0001F601", 3, true)]
        [DataRow("a\U0001F600b", 0, false)]
        [DataRow("a\U0001F600b", 3, false)]
        [DataRow("\u20AC", 0, false)]
        [DataRow("\uFFFD", 0, false)]
        public void IsPairAt_CharacterBoundaries_TrueOnlyAtAPair(string text, int index, bool expected)
        {
            Assert.AreEqual(expected, Utf16.IsPairAt(text, index));
        }

        [TestMethod]
        public void Length_CharacterAboveFFFF_IsTwoUnitsOnBothRuntimes()
        {
            // What the walkers rely on: a pair counts two units everywhere, and its two units come out of ToCharArray
            // (nanoFramework's indexer reads the high surrogate for both, see Utf16).
            string text = "a\U0001F601";
            char[] units = text.ToCharArray();

            Assert.AreEqual(3, text.Length);
            Assert.AreEqual(0xD83D, (int)text[1]);
            Assert.AreEqual(0xD83D, (int)units[1]);
            Assert.AreEqual(0xDE01, (int)units[2]);
        }

        [TestMethod]
        public void IsSurrogate_D800ToDFFF()
        {
            Assert.IsFalse(Utf16.IsSurrogate(0xD7FF));
            Assert.IsTrue(Utf16.IsSurrogate(0xD800));
            Assert.IsTrue(Utf16.IsSurrogate(0xDBFF));
            Assert.IsTrue(Utf16.IsSurrogate(0xDC00));
            Assert.IsTrue(Utf16.IsSurrogate(0xDFFF));
            Assert.IsFalse(Utf16.IsSurrogate(0xE000));
        }
    }
}
