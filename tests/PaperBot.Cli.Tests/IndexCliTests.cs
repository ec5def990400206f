using System.Text.RegularExpressions;

namespace PaperBot.Cli.Tests;

/// <summary><c>paperbot index</c>: builds the index and the cache with its progress shown, and a second run finds it all cached.</summary>
public sealed partial class IndexCliTests(CliRunner cli) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paperbot-cli-index-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Index_TwoReadings_ProgressThenEveryReadingThenAllCachedTheSecondTime()
    {
        var readings = TwoReadings("readings");
        var environment = new Dictionary<string, string> { ["Knowledge__Path"] = readings, ["Knowledge__CachePath"] = Path.Combine(_root, "cache") };

        var first = await cli.RunAsync(["index"], environment: environment);
        var second = await cli.RunAsync(["index"], environment: environment);

        Assert.True(first.ExitCode == 0, first.StandardError);
        var progress = Progress().Matches(first.StandardOutput).Select(m => (Done: int.Parse(m.Groups["done"].Value), Readings: int.Parse(m.Groups["readings"].Value), Texts: int.Parse(m.Groups["texts"].Value), Total: int.Parse(m.Groups["total"].Value))).ToList();
        Assert.True(progress.Count >= 2, first.StandardOutput);
        Assert.All(progress, p => Assert.Equal(2, p.Readings));
        Assert.Equal(0, progress[0].Texts);
        Assert.Equal((2, progress[^1].Total), (progress[^1].Done, progress[^1].Texts));
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.Second.Texts >= p.First.Texts && p.Second.Done >= p.First.Done));
        Assert.Matches(@"russia-pakistan-paper\s+\d+ sections\s+indexed \d{4}-\d\d-\d\d", first.StandardOutput);
        Assert.Matches(@"london-main-drainage\s+\d+ sections\s+indexed \d{4}-\d\d-\d\d", first.StandardOutput);
        Assert.Contains($"2 reading(s): ", first.StandardOutput, StringComparison.Ordinal);

        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Contains("; 0 text(s) embedded, ", second.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Progress().Matches(second.StandardOutput));
    }

    [Fact]
    public async Task Ask_Reading_AnswersFromThatReadingOnly_AndAnUnknownIdIsBadUsage()
    {
        var readings = TwoReadings("course");
        var environment = new Dictionary<string, string> { ["Knowledge__Path"] = readings };
        const string question = "What did the 1858 legislation do?";

        var within = await cli.RunAsync(["ask", "--json", "--reading", "london-main-drainage", question], environment: environment);
        var other = await cli.RunAsync(["ask", "--json", "--reading", "russia-pakistan-paper", question], environment: environment);
        var unknown = await cli.RunAsync(["ask", "--reading", "no-such-reading", question], environment: environment);

        Assert.True(within.ExitCode == 0, within.StandardError + within.StandardOutput);
        var cited = System.Text.Json.JsonDocument.Parse(within.StandardOutput).RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("documentId").GetString()).ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.Equal("london-main-drainage", id));
        var otherCited = System.Text.Json.JsonDocument.Parse(other.StandardOutput).RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("documentId").GetString());
        Assert.DoesNotContain("london-main-drainage", otherCited);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no-such-reading", unknown.StandardError, StringComparison.Ordinal);
        Assert.Contains("london-main-drainage", unknown.StandardError, StringComparison.Ordinal);
    }

    /// <summary>A readings folder of the test's own with the shipped paper and the second reading.</summary>
    private string TwoReadings(string name)
    {
        var readings = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        var repository = RepositoryRoot();
        File.Copy(Path.Combine(repository, "knowledge", "russia-pakistan-paper.txt"), Path.Combine(readings, "russia-pakistan-paper.txt"));
        File.Copy(Path.Combine(repository, "tests", "gold", "readings", "london-main-drainage.md"), Path.Combine(readings, "london-main-drainage.md"));
        return readings;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"readings (?<done>\d+)/(?<readings>\d+)  texts (?<texts>\d+)/(?<total>\d+)  \d+ texts/s")]
    private static partial Regex Progress();
}
