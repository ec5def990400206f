using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Answering.Generation;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Embeddings;
using PaperBot.Knowledge.Retrieval;
using PaperBot.Testing;

namespace PaperBot.Answering.UnitTests;

/// <summary>Two small readings written for these tests, on subjects of their own, and the answer service over them.</summary>
public static class TestReadings
{
    public const string Bees = """
        # Abstract

        This study examines how the Valley Honey Cooperative (VHC) rebuilt beekeeping in the Arlen valley after the frost of 1998. It argues that shared hives, not subsidies, restored the harvest. It also asks whether other valleys could do the same.

        # 1. Introduction

        Beekeeping in the Arlen valley collapsed after the frost of 1998 killed most colonies. The cooperative was founded on 12th March 1999 by Director Mara Voss and eleven farmers. The sections that follow describe the shared hives and the harvest.

        # 2. The Cooperative

        ## I. Shared Hives

        The cooperative pooled 340 hives in three apiaries. Members paid a fee of 40 euros a year for each hive. The shared hives cut the cost of treatment against mites by half.

        ## II. The Harvest

        By 2004 the valley harvest reached 18 tonnes of honey. Director Mara Voss said that "the hives belong to the valley, not to one farmer". The regional council refused to fund the cooperative in 2001.

        # 3. Conclusion

        The cooperative shows that shared hives can restore a harvest without subsidies. Other valleys have since copied its model, with advice from the FAO.
        """;

    public const string Trams = """
        # Abstract

        This paper describes the return of trams to the city of Doria in 2010 and what the new lines changed.

        # 1. Background

        Doria closed its last tram line in 1962 and replaced it with buses. Mayor Tomas Reyl proposed the Doria Light Rail (DLR) in 2005. Governor Ana Pell opened its depot in 2008.

        The Harbour Transit Board was set up in 2006 to run the new lines. Its members came from the city council and the port. The Board hired Ivo Marsh as chief engineer.

        # 2. The New Lines

        The first line opened on 4th May 2010 and cost 210 million euros. Ridership doubled within three years of the opening. The ‘Doria-Varn Tram Fair’ was cancelled in 2012 after a storm. The town of Kestel bought the old buses.

        # 3. Conclusion

        The trams reduced car traffic in the centre by a fifth.
        """;

    /// <summary>Words the stand-in model treats as one meaning, so tests can speak of synonyms.</summary>
    public static readonly IReadOnlyDictionary<string, string> Synonyms = new Dictionary<string, string>
    {
        ["price"] = "cost", ["expense"] = "cost", ["founded"] = "founded", ["established"] = "founded", ["colonies"] = "colonies", ["swarms"] = "colonies", ["purchased"] = "bought",
    };

    public static DocumentMetadata BeesMetadata { get; } = new("Shared Hives in the Arlen Valley", ["Ines Hart"], 2019, null);

    /// <summary>The answer service over the given readings (<paramref name="instead"/> of the bees reading, when given), built the way the host builds it, with settings for the stand-in model.</summary>
    public static async Task<(AnswerService Service, KnowledgeBase Knowledge, ReadingIndex Readings)> ServiceAsync(
        bool withTrams = false,
        Dictionary<string, string?>? settings = null,
        IAnswerGenerator? generator = null,
        Action<IServiceCollection>? configure = null,
        (string Name, string Text)? instead = null)
    {
        var embedder = new StandInEmbedder(Synonyms);
        var readings = new List<(string, string, DocumentMetadata?)> { instead is { } own ? (own.Name, own.Text, null) : ("bees.md", Bees, BeesMetadata) };
        if (withTrams)
        {
            readings.Add(("trams.md", Trams, null));
        }

        var knowledge = await InMemoryReadings.BuildAsync(embedder, [.. readings]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The stand-in model's cosines are not the real model's: floors low enough for word overlap.
            ["Answering:RelevanceFloor"] = "0.05",
            ["Answering:SmallTalkSimilarity"] = "0.3",
            ["Answering:MeaningFloor"] = "0.3",
            ["Answering:MeaningFull"] = "0.6",
        }.Concat(settings ?? []).ToDictionary(p => p.Key, p => p.Value)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embedder);
        services.AddSingleton(sp => new KnowledgeBaseProvider(knowledge, new EmbeddedChunkStore(), NullLogger<KnowledgeBaseProvider>.Instance));
        if (generator is not null)
        {
            services.AddSingleton(generator);
        }

        configure?.Invoke(services);
        services.AddPaperBotAnswering();
        var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<AnswerService>();
        return (service, knowledge, service.ReadingsOf(knowledge));
    }
}
