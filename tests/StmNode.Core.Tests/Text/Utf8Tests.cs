#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Tests.Fakes;
using StmNode.Text;

namespace StmNode.Tests.Text
{
    [TestClass]
    public class Utf8Tests
    {
        [TestMethod]
        [DataRow("C3 A9", 2, 233)] // U+00E9
        [DataRow("E2 82 AC", 3, 8364)] // U+20AC
        [DataRow("EF BF BF", 3, 65535)] // U+FFFF
        [DataRow("F0 9F 98 80", 4, 128512)] // U+1F600
        [DataRow("F4 8F BF BF", 4, 1114111)] // U+10FFFF
        public void DecodeSequence_WellFormed_LengthAndCodePoint(string hex, int length, int codePoint)
        {
            byte[] data = HexBytes.Parse(hex);
            int decoded;

            Assert.AreEqual(length, Utf8.DecodeSequence(data, 0, data.Length, out decoded));
            Assert.AreEqual(codePoint, decoded);
        }

        [TestMethod]
        [DataRow("80 80")] // a continuation byte cannot lead
        [DataRow("C0 80")] // overlong NUL
        [DataRow("C1 BF")] // overlong
        [DataRow("E0 80 80")] // overlong three-byte form
        [DataRow("ED A0 80")] // a surrogate (U+D800) encoded
        [DataRow("F4 90 80 80")] // above U+10FFFF
        [DataRow("F5 80 80 80")] // never a lead
        [DataRow("E2 28 AC")] // second byte not a continuation
        public void DecodeSequence_Malformed_IsZero(string hex)
        {
            byte[] data = HexBytes.Parse(hex);
            int decoded;

            Assert.AreEqual(0, Utf8.DecodeSequence(data, 0, data.Length, out decoded));
        }

        [TestMethod]
        public void DecodeSequence_CutOffByEnd_IsMinusOneEvenWhenTheBufferGoesOn()
        {
            byte[] data = HexBytes.Parse("41 F0 9F 98 80");
            int decoded;

            Assert.AreEqual(-1, Utf8.DecodeSequence(data, 1, 4, out decoded));
            Assert.AreEqual(4, Utf8.DecodeSequence(data, 1, 5, out decoded));
        }
    }
}
