#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using StmNode.Crypto;

namespace StmNode.Tests.Crypto
{
    [TestClass]
    public class Sha256Tests
    {
        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and the well-known empty-message digest.
        [TestMethod]
        [DataRow("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [DataRow("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        public void Hash_NistMessage_MatchesDigest(string message, string expectedHex)
        {
            byte[] data = HexBytes.Ascii(message);

            Assert.AreEqual(expectedHex, Hex.ToLower(Sha256.Hash(data, 0, data.Length)));
        }

        [TestMethod]
        public void Update_InPieces_EqualsOneShot()
        {
            byte[] data = HexBytes.Ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
            Sha256 sha = new Sha256();
            byte[] digest = new byte[32];

            sha.Update(data, 0, 3);
            sha.Update(data, 3, 50);
            sha.Update(data, 53, data.Length - 53);
            sha.Final(digest, 0);

            Assert.AreEqual("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Hex.ToLower(digest));
        }

        [TestMethod]
        public void Final_ResetsForNextMessage()
        {
            byte[] data = HexBytes.Ascii("abc");
            Sha256 sha = new Sha256();
            byte[] first = new byte[32];
            byte[] second = new byte[32];

            sha.Update(data, 0, 3);
            sha.Final(first, 0);
            sha.Update(data, 0, 3);
            sha.Final(second, 0);

            CollectionAssert.AreEqual(first, second);
        }

        [TestMethod]
        public void Hex_ToLower_WritesTwoLowerCaseDigitsPerByte()
        {
            byte[] data = new byte[] { 0x00, 0x0f, 0xa5, 0xff };

            Assert.AreEqual("000fa5ff", Hex.ToLower(data));
            Assert.AreEqual("0fa5", Hex.ToLower(data, 1, 2));
        }
    }
}
