#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Crypto;

namespace StmNode.Tests.Crypto
{
    /// <summary>RFC 4231 HMAC-SHA-256 test cases 1–7 (case 5 compares the 128-bit truncation, as the RFC does).</summary>
    [TestClass]
    public class HmacSha256Tests
    {
        private static string Mac(byte[] key, byte[] data)
        {
            return Hex.ToLower(HmacSha256.Compute(key, data));
        }

        [TestMethod]
        public void Compute_Rfc4231Case1_Matches()
        {
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                Mac(HexBytes.Repeat(0x0b, 20), HexBytes.Ascii("Hi There")));
        }

        [TestMethod]
        public void Compute_Rfc4231Case2ShortKey_Matches()
        {
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Mac(HexBytes.Ascii("Jefe"), HexBytes.Ascii("what do ya want for nothing?")));
        }

        [TestMethod]
        public void Compute_Rfc4231Case3_Matches()
        {
            Assert.AreEqual("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                Mac(HexBytes.Repeat(0xaa, 20), HexBytes.Repeat(0xdd, 50)));
        }

        [TestMethod]
        public void Compute_Rfc4231Case4_Matches()
        {
            Assert.AreEqual("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                Mac(HexBytes.Parse("0102030405060708090a0b0c0d0e0f10111213141516171819"), HexBytes.Repeat(0xcd, 50)));
        }

        [TestMethod]
        public void Compute_Rfc4231Case5_TruncatedMatches()
        {
            string mac = Mac(HexBytes.Repeat(0x0c, 20), HexBytes.Ascii("Test With Truncation"));

            Assert.AreEqual("a3b6167473100ee06e0c796c2955552b", mac.Substring(0, 32));
        }

        [TestMethod]
        public void Compute_Rfc4231Case6KeyLongerThanBlock_Matches()
        {
            Assert.AreEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Mac(HexBytes.Repeat(0xaa, 131), HexBytes.Ascii("Test Using Larger Than Block-Size Key - Hash Key First")));
        }

        [TestMethod]
        public void Compute_Rfc4231Case7LongKeyAndData_Matches()
        {
            byte[] data = HexBytes.Ascii("This is a test using a larger than block-size key and a larger than block-size data."
                + " The key needs to be hashed before being used by the HMAC algorithm.");

            Assert.AreEqual("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                Mac(HexBytes.Repeat(0xaa, 131), data));
        }

        [TestMethod]
        public void Compute_WithOffsets_UsesOnlyTheGivenRanges()
        {
            byte[] key = HexBytes.Ascii("xxJefexx");
            byte[] data = HexBytes.Ascii("__what do ya want for nothing?__");
            byte[] output = new byte[40];

            HmacSha256.Compute(key, 2, 4, data, 2, data.Length - 4, output, 4);

            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hex.ToLower(output, 4, 32));
            Assert.AreEqual((byte)0, output[0]);
            Assert.AreEqual((byte)0, output[36]);
        }
    }
}
