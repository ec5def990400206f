using System.Text.Json;

namespace PaperBot.Host.Tests;

/// <summary>
/// The channels and the contract they share restore no engine package: what reaches them is the abstractions and
/// the web helpers, never ONNX Runtime, Lucene, PdfPig, Qdrant or the engine's own projects.
/// </summary>
public sealed class DependencyGraphTests
{
    private static readonly string[] EnginePackages = ["Microsoft.ML.OnnxRuntime", "Lucene.Net", "PdfPig", "Qdrant.Client", "SentenceTransformers", "Grpc.", "Microsoft.SemanticKernel"];

    [Theory]
    [InlineData("PaperBot.Channels.Teams", new[] { "PaperBot.Answering.Abstractions", "PaperBot.Reporting", "PaperBot.Web" })]
    [InlineData("PaperBot.Channels.Slack", new[] { "PaperBot.Answering.Abstractions", "PaperBot.Reporting", "PaperBot.Web" })]
    [InlineData("PaperBot.Reporting", new[] { "PaperBot.Answering.Abstractions" })]
    [InlineData("PaperBot.Answering.Abstractions", new string[0])]
    public void RestoreGraph_NoEnginePackageAndOnlyTheContractsProjects(string project, string[] allowedProjects)
    {
        var libraries = Libraries(project);

        Assert.DoesNotContain(libraries, l => EnginePackages.Any(p => l.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(allowedProjects.Order(), libraries.Where(l => l.StartsWith("PaperBot.", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void RestoreGraph_TheEngineDoesHaveThem()
    {
        // The check above can fail: the engine's own graph holds the packages it looks for.
        var libraries = Libraries("PaperBot.Answering");

        Assert.Contains(libraries, l => l.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal));
        Assert.Contains(libraries, l => l.StartsWith("Lucene.Net", StringComparison.Ordinal));
    }

    /// <summary>The packages and projects in a project's restore graph (its <c>obj/project.assets.json</c>), by name.</summary>
    private static List<string> Libraries(string project)
    {
        var assets = Path.Combine(HostProcess.RepositoryRoot, "src", project, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing: restore the solution first");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        return document.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToList();
    }
}
