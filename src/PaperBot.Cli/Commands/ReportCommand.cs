using Microsoft.Extensions.DependencyInjection;
using PaperBot.Reporting;
using PaperBot.Reporting.Rendering;

namespace PaperBot.Cli.Commands;

/// <summary>
/// <c>paperbot report [--since 7d|24h|2026-11-01] [--json] [--html FILE]</c>: the instructor's report over the store the
/// host writes (the question log and the feedback store), as text, as JSON, and as a self-contained HTML page.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Parse(args);
        using var services = CliServices.Create([], withStore: true);
        return await RunAsync(parsed, services.GetRequiredService<ReportBuilder>(), Console.Out, Console.Error);
    }

    /// <summary>The command over a given builder: the text or JSON on <paramref name="output"/>, notes on <paramref name="notes"/>.</summary>
    internal static async Task<int> RunAsync(CliArguments parsed, ReportBuilder builder, TextWriter output, TextWriter notes, CancellationToken cancellationToken = default)
    {
        var (report, problem) = await builder.BuildAsync(parsed.Value("--since"), cancellationToken);
        if (report is null)
        {
            throw new UsageException("--since " + problem);
        }

        if (parsed.Value("--html") is { } file)
        {
            var path = Path.GetFullPath(file);
            await File.WriteAllTextAsync(path, ReportHtml.Render(report), cancellationToken);
            await notes.WriteLineAsync($"paperbot: the report is in {path}");
        }

        await output.WriteLineAsync(parsed.Has("--json") ? ReportJson.Serialize(report) : ReportText.Render(report));
        return ExitCodes.Answered;
    }

    internal static CliArguments Parse(string[] args)
    {
        var parsed = CliArguments.Parse(args, ["--json"], ["--since", "--html"]);
        if (parsed.Positional.Count > 0)
        {
            throw new UsageException($"report takes no words ('{parsed.Positional[0]}'); give the window as --since 7d");
        }

        if (parsed.Value("--html") is { Length: 0 })
        {
            throw new UsageException("--html needs a file name");
        }

        return parsed;
    }
}
