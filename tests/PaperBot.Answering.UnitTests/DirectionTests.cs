using PaperBot.Answering.Decision;

namespace PaperBot.Answering.UnitTests;

/// <summary>Who gave what to whom: a question that has the giving the other way round from the reading.</summary>
public sealed class DirectionTests
{
    private const string Reading = """
        # 1. Trade

        In 1990 Lisbon had already loaned three old ships to Corvia for the war. Corvia later sold its grain to Lisbon at a low price. The old ships were given by Corvia to the Marsh Company in 1995.
        """;

    private static async Task<Answer> AskAsync(string question)
    {
        var (service, _, _) = await TestReadings.ServiceAsync(instead: ("trade.md", Reading));
        return await service.AskAsync(new AskRequest(question), TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("Why did Corvia loan Lisbon three old ships?", "loaned three old ships")] // the recipient right after the word
    [InlineData("Why did Lisbon sell its grain to Corvia at a low price?", "sold its grain")]
    [InlineData("why did corvia loan the old ships to lisbon?", "loaned three old ships")] // names typed in lower case
    [InlineData("Why were the old ships given by the Marsh Company to Corvia?", "given by Corvia")] // passive: the giver after "by"
    public async Task AskAsync_TheGivingTheOtherWayRound_IsAFalsePremiseCitingTheSentence(string question, string quoted)
    {
        var answer = await AskAsync(question);

        Assert.Equal(DeclineReasons.FalsePremise, answer.Reason);
        Assert.Contains(answer.Citations, c => c.Quote.Contains(quoted, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Why did Lisbon loan three old ships to Corvia?")] // as the reading has it
    [InlineData("Why did Corvia sell its grain to Lisbon at a low price?")]
    [InlineData("Did Corvia loan Lisbon three old ships?")] // asks whether: answered from the sentence, not taken for granted
    public async Task AskAsync_TheGivingAsTheReadingHasIt_IsNoFalsePremise(string question)
    {
        var answer = await AskAsync(question);

        Assert.NotEqual(DeclineReasons.FalsePremise, answer.Reason);
    }
}
