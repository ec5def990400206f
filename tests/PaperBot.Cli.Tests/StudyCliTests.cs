using System.Text.Json;

namespace PaperBot.Cli.Tests;

public sealed class StudyCliTests(CliRunner cli)
{
    [Fact]
    public async Task Timeline_Json_IsTheAnswerContractWithCitations()
    {
        var result = await cli.RunAsync(["timeline", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("timeline", json.RootElement.GetProperty("kind").GetString());
        Assert.True(json.RootElement.GetProperty("citations").GetArrayLength() >= 15);
    }

    [Fact]
    public async Task QuizReveal_PrintsTheQuestionThenTheCitedAnswer()
    {
        var result = await cli.RunAsync(["quiz", "3.II", "--reveal"]);

        Assert.Equal(0, result.ExitCode);
        var question = result.StandardOutput.IndexOf("_____", StringComparison.Ordinal);
        var answer = result.StandardOutput.IndexOf("The answer is “", StringComparison.Ordinal);
        Assert.True(question >= 0 && answer > question, result.StandardOutput);
        Assert.Contains("§3.II", result.StandardOutput[answer..], StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizWithoutReveal_SaysHowToSeeTheAnswer()
    {
        var result = await cli.RunAsync(["quiz", "3.II"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the answer is hidden; run paperbot quiz --reveal", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("The answer is “", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "define", "GIDC" }, 0, "Gas Infrastructure Development Cess")]
    [InlineData(new[] { "define", "NATO" }, 1, "nothing about “NATO”")]
    [InlineData(new[] { "summary", "4" }, 0, "[3]")]
    [InlineData(new[] { "glossary" }, 0, "TAPI: Turkmenistan- Afghanistan- Pakistan-India [")]
    [InlineData(new[] { "sources" }, 0, "russia-pakistan-paper")]
    public async Task StudyCommand_Text_PrintsTheReply(string[] args, int exitCode, string expected)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Define_WithoutATerm_IsAUsageError()
    {
        var result = await cli.RunAsync(["define"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("define needs a term", result.StandardError, StringComparison.Ordinal);
    }
}
