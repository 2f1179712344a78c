using System;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using StmNode.Crypto;

namespace StmNode.Tests.Crypto
{
    /// <summary>Host-only: the managed SHA-256 / HMAC against .NET's on random inputs around every block boundary.</summary>
    [TestClass]
    public class HmacSha256HostTests
    {
        [TestMethod]
        public void Compute_RandomKeysAndMessages_MatchesDotNet()
        {
            Random random = new Random(4231);
            for (int round = 0; round < 300; round++)
            {
                byte[] key = new byte[random.Next(0, 200)];
                byte[] message = new byte[round < 150 ? round : random.Next(0, 1000)];
                random.NextBytes(key);
                random.NextBytes(message);

                byte[] expected = new HMACSHA256(key).ComputeHash(message);

                CollectionAssert.AreEqual(expected, HmacSha256.Compute(key, message), "key " + key.Length + ", message " + message.Length);
            }
        }

        [TestMethod]
        public void Hash_EveryLengthAroundBlocks_MatchesDotNet()
        {
            Random random = new Random(180);
            for (int length = 0; length < 300; length++)
            {
                byte[] message = new byte[length];
                random.NextBytes(message);

                CollectionAssert.AreEqual(SHA256.HashData(message), Sha256.Hash(message, 0, length), "length " + length);
            }
        }

        [TestMethod]
        public void Hash_OneMillionA_MatchesFipsDigest()
        {
            byte[] message = new byte[1000000];
            for (int i = 0; i < message.Length; i++)
            {
                message[i] = (byte)'a';
            }

            Assert.AreEqual("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex.ToLower(Sha256.Hash(message, 0, message.Length)));
        }
    }
}
