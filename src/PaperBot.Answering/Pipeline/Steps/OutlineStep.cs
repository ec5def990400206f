using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using PaperBot.Answering.Composition;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Study;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// A question that asks for the several things a section with subsections sets out ("What are the main reasons for
/// the growing interest?", when a section of that name has one subsection per reason) is answered from the
/// reading's structure: each subsection's title with its key sentence, cited. The section is the one whose heading
/// accounts for the question's words; the question asks for a list (a plural it names: reasons, factors, ways …).
/// </summary>
public sealed partial class OutlineStep(AnsweringOptions options) : IAnswerStep
{
    public string Name => "outline";

    public async ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var list = ListWord().Match(context.Question);
        if (!list.Success)
        {
            return null;
        }

        var knowledge = context.Knowledge;
        if (context.Scope is { } scope)
        {
            // "What four factors does section 3 go through?": the section named is the one set out.
            var named = knowledge.Documents
                .SelectMany(d => d.Sections.Where(s => scope.Contains((d.Id, s.Id)) && d.ChildrenOf(s.Id).Count() >= 2 && d.ChildrenOf(s.Id).All(c => scope.Contains((d.Id, c.Id))))
                    .Select(s => (Document: d, Section: s)))
                .FirstOrDefault();
            return named.Section is null ? null : await OutlineAsync(context, list, named.Document, named.Section, cancellationToken).ConfigureAwait(false);
        }

        var analysis = QuestionAnalyzer.Analyze(context.Question, context.Readings);
        var terms = analysis.Terms.Where(t => t.Kind != TermKind.Light && !string.Equals(t.Word, list.Groups["noun"].Value, StringComparison.OrdinalIgnoreCase)).ToList();
        var total = terms.Sum(t => t.Weight);
        if (terms.Count == 0 || total <= 0)
        {
            return null;
        }

        var parent = knowledge.Documents
            .SelectMany(d => d.Sections.Where(s => d.ChildrenOf(s.Id).Count() >= 2).Select(s => (Document: d, Section: s)))
            .Select(x => (x.Document, x.Section, Share: terms.Where(t => knowledge.HeadingTerms(x.Document.Id, x.Section.Id).Contains(t.Term)).Sum(t => t.Weight) / total))
            .Where(x => x.Share >= options.OutlineHeadingShare)
            .OrderByDescending(x => x.Share)
            .FirstOrDefault();
        if (parent.Section is null)
        {
            return null;
        }

        return await OutlineAsync(context, list, parent.Document, parent.Section, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each subsection's title with its key sentence, cited; null when fewer than two subsections have one.</summary>
    private static async ValueTask<Answer?> OutlineAsync(QuestionContext context, Match list, PaperDocument document, Section section, CancellationToken cancellationToken)
    {
        var knowledge = context.Knowledge;
        var parent = (Document: document, Section: section);
        var vector = await context.QueryVectorAsync(cancellationToken).ConfigureAwait(false);
        var children = parent.Document.ChildrenOf(parent.Section.Id).ToList();
        var chosen = new List<(Section Child, LocatedSentence Sentence)>();
        foreach (var child in children)
        {
            // The key sentence of a part: the one closest to the question asked of the part's own heading.
            var key = Summaries.SentencesUnder(parent.Document, child)
                .Select(s => (Sentence: s, Index: knowledge.IndexOf(s)))
                .Where(s => s.Index >= 0)
                .MaxBy(s => TensorPrimitives.Dot(vector.AsSpan(), knowledge.SentenceVector(s.Index).AsSpan())
                    + Overlap(knowledge.SentenceTerms(s.Index), knowledge.HeadingTerms(parent.Document.Id, child.Id)));
            if (key.Sentence is not null)
            {
                chosen.Add((child, key.Sentence));
            }
        }

        if (chosen.Count < 2)
        {
            return null;
        }

        var (_, citations) = AnswerComposer.Compose(chosen.Select(c => c.Sentence).ToList(), context.Readings, attribute: false);
        var source = context.Readings.Documents.Count == 1 ? "The paper" : $"“{Readings.ReadingIndex.TitleOf(parent.Document)}”";
        var lines = new List<string> { $"{source} gives {chosen.Count} {list.Groups["noun"].Value.ToLowerInvariant()}, one in each part of {parent.Section.Label}:" };
        lines.AddRange(chosen.Select((c, i) => $"{i + 1}. {c.Child.Title}: {c.Sentence.Text} [{i + 1}]"));
        return new Answer { Question = context.Asked, Status = AnswerStatus.Answered, Text = string.Join("\n", lines), Citations = citations };
    }

    private static double Overlap(IReadOnlySet<string> sentence, IReadOnlySet<string> heading) =>
        heading.Count == 0 ? 0 : 0.3 * heading.Count(sentence.Contains) / heading.Count;

    [GeneratedRegex(@"\b(what are|what were|what|which|list|name|which are|give me) (the )?((main|key|major|chief|principal|prime|\w+) )?(?<noun>reasons|factors|causes|ways|areas|aspects|motives|drivers|steps|stages|phases|parts|elements|components|dimensions|pillars|grounds|issues|challenges|interests)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListWord();
}
