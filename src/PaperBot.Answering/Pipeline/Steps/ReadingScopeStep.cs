using PaperBot.Answering.Decision;
using PaperBot.Answering.Readings;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// A question about a reading that is loaded but not in use (the channel chose others with <c>use …</c>, or the
/// request named others) is told so, rather than answered from a reading it is not about: declined with
/// <see cref="DeclineReasons.ReadingNotInUse"/>, the evidence naming the reading asked about and those in use, the
/// text saying how to switch. A reading is named by its id, file name, title, or words of its names that the readings
/// in use never use (<see cref="ReadingNames.NamedIn"/>); a question that also names a reading in use is answered.
/// </summary>
public sealed class ReadingScopeStep(Replies replies) : IAnswerStep
{
    public string Name => "readings in use";

    public ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        if (context.InUse is not { Count: > 0 } inUse || context.Request.Command is not QuestionCommand)
        {
            return ValueTask.FromResult<Answer?>(null);
        }

        var current = context.Knowledge.Documents;
        var others = context.Loaded.Documents.Where(d => !inUse.Contains(d.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        var named = ReadingNames.NamedIn(context.Question, others, context.Readings);
        if (named.Count == 0 || ReadingNames.NamedIn(context.Question, current, null).Count > 0)
        {
            return ValueTask.FromResult<Answer?>(null);
        }

        var asked = named.Count == 1 ? ReadingNames.Label(named[0]) : string.Join(", ", named.Select(ReadingNames.Label));
        var inUseNames = string.Join(", ", current.Select(ReadingNames.Label));
        var inChannel = context.Request.Channel is not null;
        var text = inChannel
            ? $"That is about {asked}, which is loaded but not in use here: this channel answers from {inUseNames}. " +
              $"Type 'use all' to ask every reading, or 'use {named[0].Id}' to switch to it."
            : $"That is about {asked}, which is loaded but not among the readings this question was asked of: {inUseNames}. " +
              "Ask it of that reading, or of every reading.";
        var evidence = named.Select(d => new Evidence("named_reading", 1, Detail: d.Id))
            .Concat(current.Select(d => new Evidence("reading_in_use", 1, Detail: d.Id)))
            .ToList();
        var answer = replies.Decline(context.Asked, AnswerStatus.OutOfScope, DeclineReasons.ReadingNotInUse, text, null, evidence)
            with { Suggestions = inChannel ? ["use all", $"use {named[0].Id}"] : [] };
        return ValueTask.FromResult<Answer?>(answer);
    }
}
