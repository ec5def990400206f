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

    public IReadOnlyList<GoldItem> Gold { get; } = GoldSet.LoadFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder));

    public async ValueTask InitializeAsync()
    {
        _services = Build(null);
        Knowledge = await _services.GetRequiredService<KnowledgeBaseProvider>().GetAsync();
        Answers = _services.GetRequiredService<IAnswerService>();
    }

    /// <summary>
    /// The whole gold set, evaluated once per run: questions about the shipped readings against this fixture's
    /// service, questions about the readings the tests add with every reading loaded.
    /// </summary>
    public async Task<EvaluationReport> EvaluateAsync(CancellationToken cancellationToken)
    {
        await _evaluationGate.WaitAsync(cancellationToken);
        try
        {
            if (_report is not null)
            {
                return _report;
            }

            var shipped = Gold.Where(g => Knowledge.FindDocument(g.Reading) is not null).ToList();
            var outcomes = new List<ItemOutcome>(await GoldEvaluator.EvaluateAsync(Answers, Knowledge, shipped, cancellationToken));
            using var course = CourseFolder.Create(PathResolver.ResolveFolder("knowledge"), GoldSet.ReadingsFolder(PathResolver.ResolveFolder(GoldSet.DefaultFolder)));
            await using var services = Build(course.Path);
            var knowledge = await services.GetRequiredService<KnowledgeBaseProvider>().GetAsync(cancellationToken);
            var added = Gold.Except(shipped).ToList();
            outcomes.AddRange(await GoldEvaluator.EvaluateAsync(services.GetRequiredService<IAnswerService>(), knowledge, added, cancellationToken));
            return _report = new EvaluationReport(outcomes);
        }
        finally
        {
            _evaluationGate.Release();
        }
    }

    private readonly SemaphoreSlim _evaluationGate = new(1, 1);
    private EvaluationReport? _report;

    /// <summary>The answer service over another readings folder (through this fixture's embedding cache), for the caller to dispose.</summary>
    public ServiceProvider ServicesFor(string knowledgePath) => Build(knowledgePath);

    private ServiceProvider Build(string? knowledgePath)
    {
        var settings = new Dictionary<string, string?> { ["Knowledge:CachePath"] = _cache };
        if (knowledgePath is not null)
        {
            settings["Knowledge:Path"] = knowledgePath;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(PathResolver.ResolveFile("appsettings.json"), optional: false)
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddPaperBotAnswering();
        return services.BuildServiceProvider();
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
