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

    /// <summary>The filter keeps the points of any of these documents: one <c>match.keywords</c> condition on <c>document_id</c>.</summary>
    public static void AssertDocumentsFilter(Filter? filter, IReadOnlyCollection<string> documentIds)
    {
        Assert.NotNull(filter);
        var condition = Assert.Single(filter.Must);
        Assert.Empty(filter.Should);
        Assert.Empty(filter.MustNot);
        Assert.Equal("document_id", condition.Field.Key);
        Assert.Equal(Match.MatchValueOneofCase.Keywords, condition.Field.Match.MatchValueCase);
        Assert.Equal(documentIds.Order(StringComparer.Ordinal), condition.Field.Match.Keywords.Strings.Order(StringComparer.Ordinal));
    }
}
