using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Retrieval.Qdrant;

/// <summary>
/// Point ids derived from what a chunk is, not when it was written: a name-based UUID (version 5, RFC 4122 §4.3,
/// SHA-1) of the document id, section id and chunk ordinal. Indexing the same paper twice writes the same ids.
/// </summary>
public static class PointIds
{
    /// <summary>PaperBot's namespace for chunk point ids. Changing it would orphan every stored point.</summary>
    public static readonly Guid Namespace = new("7adf0082-7701-4c9b-811f-575024cbb5f9");

    public static Guid ForChunk(string documentId, string sectionId, int ordinal) =>
        NameBased(Namespace, $"{documentId}\n{sectionId}\n{ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>RFC 4122 version 5: SHA-1 over the namespace (network byte order) and the UTF-8 name.</summary>
    public static Guid NameBased(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
