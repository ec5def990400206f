using System.IO.Hashing;
using System.Text;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>
/// The embedding cache's file format, version 2:
/// <c>magic · version (u16) · model id (string) · dimension (i32) · count (i32) · count × (key (string) · dimension × f32) · XxHash64 of all the bytes before it (u64)</c>,
/// little-endian, strings as <see cref="BinaryWriter"/> writes them. A file is accepted whole or not at all.
/// </summary>
internal static class EmbeddingCacheFile
{
    public const uint Magic = 0x50424543; // the bytes "CEBP" on disk
    public const ushort Version = 2;
    private const int ChecksumBytes = sizeof(ulong);
    private const int KeyLength = 64; // hex of SHA-256

    /// <summary>The bytes of a file holding <paramref name="entries"/> (all of one dimension).</summary>
    public static byte[] Write(string modelId, IReadOnlyDictionary<string, float[]> entries)
    {
        var dimension = entries.Count == 0 ? 0 : entries.Values.First().Length;
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(modelId);
            writer.Write(dimension);
            writer.Write(entries.Count);
            foreach (var (key, vector) in entries)
            {
                writer.Write(key);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        var checksum = XxHash64.HashToUInt64(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(BitConverter.GetBytes(checksum));
        return buffer.ToArray();
    }

    /// <summary>The entries of a sound file, or the reason it is not sound.</summary>
    public static (Dictionary<string, float[]>? Entries, string? Problem) Read(byte[] bytes, string modelId, int expectedDimension)
    {
        try
        {
            return ReadChecked(bytes, modelId, expectedDimension);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            return (null, $"unreadable: {ex.GetType().Name}");
        }
    }

    private static (Dictionary<string, float[]>? Entries, string? Problem) ReadChecked(byte[] bytes, string modelId, int expectedDimension)
    {
        if (bytes.Length < sizeof(uint) + sizeof(ushort) + ChecksumBytes)
        {
            return (null, "too short");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - ChecksumBytes, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true));
        if (reader.ReadUInt32() != Magic)
        {
            return (null, "not a cache file");
        }

        var version = reader.ReadUInt16();
        if (version != Version)
        {
            return (null, $"format version {version}, expected {Version}");
        }

        var stored = BitConverter.ToUInt64(bytes, bytes.Length - ChecksumBytes);
        if (XxHash64.HashToUInt64(bytes.AsSpan(0, bytes.Length - ChecksumBytes)) != stored)
        {
            return (null, "checksum mismatch");
        }

        var fileModel = reader.ReadString();
        if (!string.Equals(fileModel, modelId, StringComparison.Ordinal))
        {
            return (null, $"written for model '{fileModel}'");
        }

        var dimension = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (count < 0 || dimension < 0 || (count > 0 && dimension == 0))
        {
            return (null, "bad header");
        }

        if (expectedDimension > 0 && count > 0 && dimension != expectedDimension)
        {
            return (null, $"vectors of {dimension} dimensions, the model makes {expectedDimension}");
        }

        // Each entry is at least a key and its floats: a count the file cannot hold is damage, not a reason to allocate.
        if ((long)count * (KeyLength + 1 + ((long)dimension * sizeof(float))) > bytes.Length)
        {
            return (null, "entry count larger than the file");
        }

        var entries = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            if (key.Length != KeyLength)
            {
                return (null, "bad key");
            }

            var vector = new float[dimension];
            double norm = 0;
            for (var d = 0; d < dimension; d++)
            {
                var value = reader.ReadSingle();
                if (!float.IsFinite(value))
                {
                    return (null, "a vector that is not finite");
                }

                vector[d] = value;
                norm += value * value;
            }

            // The model's vectors are unit length; anything else was not written by it.
            if (Math.Abs(Math.Sqrt(norm) - 1) > 1e-3)
            {
                return (null, "a vector that is not unit length");
            }

            entries[key] = vector;
        }

        return reader.BaseStream.Position == reader.BaseStream.Length ? (entries, null) : (null, "trailing bytes");
    }
}
