using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Answering;
using PaperBot.Evaluation;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Configuration;
using PaperBot.Knowledge.Retrieval;

[assembly: AssemblyFixture(typeof(PaperBot.Answering.Tests.AnsweringFixture))]

namespace PaperBot.Answering.Tests;

/// <summary>The answer service over the shipped paper, built the way the host builds it: once per test run.</summary>
public sealed class AnsweringFixture : IAsyncLifetime
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "paperbot-answering-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    public IAnswerService Answers { get; private set; } = null!;

    public KnowledgeBase Knowledge { get; private set; } = null!;

    public IReadOnlyList<GoldItem> Gold { get; } = GoldSet.Load(PathResolver.ResolveFile(GoldSet.DefaultPath));

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(PathResolver.ResolveFile("appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:CachePath"] = _cache })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddPaperBotAnswering();
        _services = services.BuildServiceProvider();
        Knowledge = await _services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
        Answers = _services.GetRequiredService<IAnswerService>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
