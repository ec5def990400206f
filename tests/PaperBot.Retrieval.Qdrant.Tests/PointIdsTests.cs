namespace PaperBot.Retrieval.Qdrant.Tests;

public sealed class PointIdsTests
{
    [Fact]
    public void NameBased_Rfc4122Example_MatchesKnownVersion5Uuid()
    {
        // uuid5(NAMESPACE_DNS, "python.org"), as every RFC 4122 implementation computes it.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), PointIds.NameBased(dns, "python.org"));
    }

    [Fact]
    public void ForChunk_SameInput_SameId()
    {
        Assert.Equal(PointIds.ForChunk("paper", "2.1", 3), PointIds.ForChunk("paper", "2.1", 3));
    }

    [Theory]
    [InlineData("paper", "2.1", 4)]
    [InlineData("paper", "2.2", 3)]
    [InlineData("other", "2.1", 3)]
    [InlineData("paper", "2.13", 0)]
    public void ForChunk_DifferentChunk_DifferentId(string documentId, string sectionId, int ordinal)
    {
        Assert.NotEqual(PointIds.ForChunk("paper", "2.1", 3), PointIds.ForChunk(documentId, sectionId, ordinal));
    }

    [Fact]
    public void ForChunk_IsVersion5WithTheRfc4122Variant()
    {
        var text = PointIds.ForChunk("paper", "1", 0).ToString();

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }
}
