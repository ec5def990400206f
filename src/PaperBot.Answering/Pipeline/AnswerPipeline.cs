using PaperBot.Answering.Pipeline.Steps;

namespace PaperBot.Answering.Pipeline;

/// <summary>
/// The one order every question passes, over one shared <see cref="QuestionContext"/>:
/// <list type="number">
/// <item>commands (help, sections, summary, timeline, glossary, define, quiz, reveal, sources, use);</item>
/// <item>small talk (greetings, thanks, "what can you do");</item>
/// <item>instructions smuggled into the question;</item>
/// <item>a question about a loaded reading the channel does not use, told so;</item>
/// <item>follow-up resolution from the thread's last turn;</item>
/// <item>spelling (typos and British/American variants of the readings' words);</item>
/// <item>questions about a reading as a whole;</item>
/// <item>questions that ask for what a section with subsections sets out, answered from that structure;</item>
/// <item>evidence: the question's words, the passages, each sentence's support for each word, the chosen sentences;</item>
/// <item>answerability: answer, or decline with a reason and its evidence;</item>
/// <item>the language model, when one is configured (its answer checked sentence by sentence);</item>
/// <item>composition of the extractive answer.</item>
/// </list>
/// The first step that settles the answer ends the run; input is checked before any step, by the answer service.
/// </summary>
public sealed class AnswerPipeline
{
    public AnswerPipeline(
        CommandStep commands,
        SmallTalkStep smallTalk,
        InjectionStep injection,
        ReadingScopeStep readingScope,
        FollowUpStep followUp,
        SpellingStep spelling,
        WholeReadingStep wholeReading,
        OutlineStep outline,
        EvidenceStep evidence,
        AnswerabilityStep answerability,
        GenerationStep generation,
        CompositionStep composition)
    {
        Steps = [commands, smallTalk, injection, readingScope, followUp, spelling, wholeReading, outline, evidence, answerability, generation, composition];
    }

    public IReadOnlyList<IAnswerStep> Steps { get; }

    public async Task<(Answer Answer, string Step)> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        foreach (var step in Steps)
        {
            var started = context.Clock.Elapsed;
            var answer = await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
            context.StageMilliseconds[step.Name] = (context.Clock.Elapsed - started).TotalMilliseconds;
            if (answer is not null)
            {
                return (answer, step.Name);
            }
        }

        throw new InvalidOperationException("The composition step always answers.");
    }
}
