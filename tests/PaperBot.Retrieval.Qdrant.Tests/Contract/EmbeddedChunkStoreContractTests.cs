using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;

namespace PaperBot.Retrieval.Qdrant.Tests.Contract;

/// <summary>The contract against the embedded store: always runs, and checks the reference is reproducible.</summary>
public sealed class EmbeddedChunkStoreContractTests(PaperFixture paper) : ChunkStoreContractTests(paper)
{
    protected override Task<IChunkStore> CreateEmptyStoreAsync() => Task.FromResult<IChunkStore>(new EmbeddedChunkStore());

    // In memory: the same object is all there is to reopen.
    protected override IChunkStore Reopen(IChunkStore store) => store;

    protected override Task<long> CountAsync(IChunkStore store, string documentId) =>
        Task.FromResult((long)((EmbeddedChunkStore)store).Count);
}
