using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PaperBot.Retrieval.Qdrant.Tests.Fakes;

/// <summary>
/// The real host with extra settings layered on top, a small readings folder, a throwaway embedding cache and the
/// fake embedding generator (the host tests are about wiring and faults, not about the model).
/// </summary>
internal sealed class QdrantHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TempFolder _readings = TestChunks.Readings("paper.md", TestChunks.SmallPaper);
    private readonly TempFolder _cache = new();

    public QdrantHostFactory(Dictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Knowledge:Path"] = _readings.Path,
            ["Knowledge:CachePath"] = _cache.Path,
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new FakeEmbeddingGenerator()));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _readings.Dispose();
            _cache.Dispose();
        }
    }
}
