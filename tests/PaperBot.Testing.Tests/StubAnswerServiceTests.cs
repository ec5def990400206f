using PaperBot.Answering;

namespace PaperBot.Testing.Tests;

/// <summary>The channel suites' answer service double: canned answers, recorded questions, a gate, a wait.</summary>
public sealed class StubAnswerServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StubAnswerService_RecordsQuestionsHoldsThemAtTheGateAndSignalsACount()
    {
        var answers = new StubAnswerService { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var two = answers.WaitForAskedAsync(2, cancellationToken: Ct);

        var first = answers.AskAsync(new AskRequest("What is the NSGP?"), Ct);
        Assert.False(two.IsCompleted);
        var second = answers.AskAsync(new AskRequest("help"), Ct);
        await two;
        Assert.False(first.IsCompleted);
        answers.Gate.SetResult();

        Assert.Equal(AnswerStatus.Answered, (await first).Status);
        Assert.Equal(AnswerKinds.Help, (await second).Kind);
        Assert.Equal(["What is the NSGP?", "help"], answers.Asked.Select(a => a.Question));
        await Assert.ThrowsAsync<InvalidOperationException>(() => answers.AskAsync(new AskRequest("fail"), Ct));
        await Assert.ThrowsAsync<TimeoutException>(() => answers.WaitForAskedAsync(9, TimeSpan.FromMilliseconds(200), Ct));
    }
}
