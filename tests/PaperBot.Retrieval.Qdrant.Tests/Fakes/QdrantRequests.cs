using Qdrant.Client.Grpc;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>Checks on the requests the store sends Qdrant, shared by the request tests.</summary>
internal static class QdrantRequests
{
    /// <summary>The filter keeps exactly one document's points.</summary>
    public static void AssertDocumentFilter(Filter? filter, string documentId)
    {
        Assert.NotNull(filter);
        var condition = Assert.Single(filter.Must);
        Assert.Equal("document_id", condition.Field.Key);
        Assert.Equal(documentId, condition.Field.Match.Keyword);
    }
}
