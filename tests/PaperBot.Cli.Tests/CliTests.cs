using System.Text.Json;

namespace PaperBot.Cli.Tests;

public sealed class CliTests(CliRunner cli)
{
    [Fact]
    public async Task Search_Json_PrintsTheHitsContract()
    {
        var result = await cli.RunAsync(["search", "--json", "--top", "3", "When was the gas pipeline deal signed?"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("When was the gas pipeline deal signed?", json.RootElement.GetProperty("question").GetString());
        var hits = json.RootElement.GetProperty("hits");
        Assert.Equal(3, hits.GetArrayLength());
        var first = hits[0];
        Assert.Equal("russia-pakistan-paper", first.GetProperty("documentId").GetString());
        Assert.Equal("3.II", first.GetProperty("sectionId").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("sectionTitle").GetString()));
        Assert.True(first.GetProperty("paragraph").GetInt32() >= 1);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("text").GetString()));
        Assert.True(first.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task SearchAndAsk_JsonFromStandardInput_OneObjectPerLineAndErrorsPerQuestion()
    {
        var input = "What does RLNG stand for?\n\n" + new string('x', 10_000) + "\nWho visualised the CPEC?\n";

        var search = await cli.RunAsync(["search", "--json"], input);
        var ask = await cli.RunAsync(["ask", "--json"], input);

        foreach (var result in new[] { search, ask })
        {
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        }

        var asked = ask.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["answered", "rejected", "rejected", "answered"], asked.Select(a => a.GetProperty("status").GetString()));
        Assert.All(asked, a => Assert.Equal("extractive", a.GetProperty("mode").GetString()));
        Assert.Equal("3.II", asked[0].GetProperty("citations")[0].GetProperty("sectionId").GetString());

        var searched = search.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(searched[1].TryGetProperty("error", out _));
        Assert.True(searched[2].TryGetProperty("error", out _));
        Assert.True(searched[3].GetProperty("hits").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("search")]
    [InlineData("search", "--top", "zero", "question")]
    [InlineData("search", "--nope", "question")]
    public async Task BadUsage_ExitCode2WithOneLine(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Ask_Readable_PrintsAnswerAndSources()
    {
        var result = await cli.RunAsync(["ask", "What does Druzhba mean?"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("friendship", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Sources:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("§3.III The Afghan Conundrum and Joint Military Exercises", result.StandardOutput, StringComparison.Ordinal);
    }
}
