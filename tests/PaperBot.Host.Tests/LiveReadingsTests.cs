using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperBot.Host.Tests;

/// <summary>
/// Readings changed while the bot runs, the way an instructor changes them: the host (a real process on loopback,
/// watching its folder) picks up a reading added, changed and removed without a restart, embeds only what changed,
/// and keeps serving when a file in the folder cannot be read.
/// </summary>
public sealed partial class LiveReadingsTests : IDisposable
{
    private const string Drainage = "london-main-drainage";
    private readonly string _root = Directory.CreateTempSubdirectory("paperbot-live-").FullName;

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
    public async Task ReadingsFolder_AddChangeDamageRemove_PickedUpWithoutARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        var readings = Directory.CreateDirectory(Path.Combine(_root, "readings")).FullName;
        File.Copy(Path.Combine(HostProcess.RepositoryRoot, "knowledge", "russia-pakistan-paper.txt"), Path.Combine(readings, "russia-pakistan-paper.txt"));
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Knowledge__Path"] = readings,
            ["Knowledge__CachePath"] = Path.Combine(_root, "cache"),
            ["Knowledge__Watch"] = "true",
            ["Knowledge__WatchDebounceMs"] = "300",
            ["Storage__Provider"] = "memory",
        });
        using var client = new HttpClient { BaseAddress = host.Address };
        await host.WaitForLineAsync(line => line.Contains("Knowledge: 1 document(s), ", StringComparison.Ordinal), TimeSpan.FromSeconds(120));
        await host.WaitForLineAsync(line => line.Contains("Knowledge: watching ", StringComparison.Ordinal));
        const string question = "Who engineered the intercepting sewers?";
        Assert.DoesNotContain(Drainage, await CitedReadingsAsync(client, question));

        // Added: the new reading answers, cited by its own id.
        var source = Path.Combine(HostProcess.RepositoryRoot, "tests", "gold", "readings");
        File.Copy(Path.Combine(source, Drainage + ".md.json"), Path.Combine(readings, Drainage + ".md.json"));
        File.Copy(Path.Combine(source, Drainage + ".md"), Path.Combine(readings, Drainage + ".md"));
        var added = Refresh().Match(await NextRefreshAsync(host, 1));
        Assert.Equal(("1", "0", "0", "2"), (added.Groups["added"].Value, added.Groups["changed"].Value, added.Groups["removed"].Value, added.Groups["serving"].Value));
        var addedTexts = int.Parse(added.Groups["embedded"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(addedTexts > 20, $"a whole reading embeds its chunks, sentences and words: {addedTexts}");
        Assert.Contains(Drainage, await CitedReadingsAsync(client, question));

        // Changed: one paragraph more; only its texts are embedded, and it answers.
        await File.AppendAllTextAsync(Path.Combine(readings, Drainage + ".md"), "\n\n# Afterword\n\nThe northern outfall was lengthened in a later decade by the engineer Alfred Penrose.\n", ct);
        var changed = Refresh().Match(await NextRefreshAsync(host, 2));
        Assert.Equal(("0", "1", "0", "2"), (changed.Groups["added"].Value, changed.Groups["changed"].Value, changed.Groups["removed"].Value, changed.Groups["serving"].Value));
        var changedTexts = int.Parse(changed.Groups["embedded"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(changedTexts, 1, addedTexts / 4);
        var penrose = await AskAsync(client, "Who lengthened the northern outfall?");
        Assert.Contains(penrose.GetProperty("citations").EnumerateArray(), c => c.GetProperty("quote").GetString()!.Contains("Penrose", StringComparison.Ordinal));

        // A file that cannot be read is reported; the readings keep serving.
        await File.WriteAllTextAsync(Path.Combine(readings, "broken.pdf"), "this is not a PDF", ct);
        await host.WaitForLineAsync(line => line.Contains("skipped broken.pdf", StringComparison.Ordinal));
        Assert.Contains(Drainage, await CitedReadingsAsync(client, question));

        // Removed: gone from answers (and from the store).
        File.Delete(Path.Combine(readings, Drainage + ".md"));
        var removed = Refresh().Match(await NextRefreshAsync(host, 3));
        Assert.Equal(("0", "0", "1", "1"), (removed.Groups["added"].Value, removed.Groups["changed"].Value, removed.Groups["removed"].Value, removed.Groups["serving"].Value));
        Assert.DoesNotContain(Drainage, await CitedReadingsAsync(client, question));
        Assert.DoesNotContain(host.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    private static async Task<string> NextRefreshAsync(HostProcess host, int count)
    {
        await host.WaitForLineAsync(_ => host.Lines.Count(l => Refresh().IsMatch(l)) >= count, TimeSpan.FromSeconds(120));
        return host.Lines.Where(l => Refresh().IsMatch(l)).ElementAt(count - 1);
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<IReadOnlyList<string>> CitedReadingsAsync(HttpClient client, string question) =>
        (await AskAsync(client, question)).GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("documentId").GetString()!).ToList();

    [GeneratedRegex(@"readings refreshed: (?<added>\d+) added, (?<changed>\d+) changed, (?<removed>\d+) removed; embedded (?<embedded>\d+) new text\(s\); (?<serving>\d+) reading\(s\) serving")]
    private static partial Regex Refresh();
}
