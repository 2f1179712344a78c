namespace StmNode.Crypto
{
    /// <summary>HMAC-SHA256 (RFC 2104) on the managed <see cref="Sha256"/>; keys longer than a block are hashed first.</summary>
    public static class HmacSha256
    {
        /// <summary>Returns the 32-byte MAC of message under key.</summary>
        public static byte[] Compute(byte[] key, byte[] message)
        {
            byte[] mac = new byte[Sha256.HashSize];
            Compute(key, 0, key.Length, message, 0, message.Length, mac, 0);
            return mac;
        }

        /// <summary>Writes the 32-byte MAC of message[messageOffset..+messageCount) under key[..] to output[outputOffset].</summary>
        public static void Compute(byte[] key, int keyOffset, int keyCount, byte[] message, int messageOffset, int messageCount,
            byte[] output, int outputOffset)
        {
            Sha256 sha = new Sha256();
            byte[] block = new byte[Sha256.BlockSize];
            if (keyCount > Sha256.BlockSize)
            {
                sha.Update(key, keyOffset, keyCount);
                sha.Final(block, 0);
            }
            else
            {
                System.Array.Copy(key, keyOffset, block, 0, keyCount);
            }

            byte[] pad = new byte[Sha256.BlockSize];
            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                pad[i] = (byte)(block[i] ^ 0x36);
            }

            byte[] inner = new byte[Sha256.HashSize];
            sha.Update(pad, 0, pad.Length);
            sha.Update(message, messageOffset, messageCount);
            sha.Final(inner, 0);

            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                pad[i] = (byte)(block[i] ^ 0x5c);
            }

            sha.Update(pad, 0, pad.Length);
            sha.Update(inner, 0, inner.Length);
            sha.Final(output, outputOffset);
        }
    }
}
