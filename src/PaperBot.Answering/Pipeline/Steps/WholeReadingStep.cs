using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using PaperBot.Answering.Composition;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Language;
using PaperBot.Answering.Readings;
using PaperBot.Answering.Study;
using PaperBot.Knowledge.Documents;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// Questions about a reading as a whole: what it is about, its thesis, aims and research question (from its
/// abstract, or its introduction), its findings and conclusion, how it ends, what its abstract or introduction
/// says, its structure, its method, and its author, date, venue and title (from the reading's details). A question
/// that names a part and asks something specific in it ("What does the abstract say the study examines?") is
/// answered as any question, from that part only. Parts are found from each reading's structure.
/// </summary>
public sealed partial class WholeReadingStep(AnsweringOptions options, Replies replies) : IAnswerStep
{
    public string Name => "whole_reading";

    public async ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var (aspect, matched) = WholeReadingQuestion.Recognise(context.Question);
        if (aspect == ReadingAspect.None)
        {
            ScopeToNumberedSection(context);
            return null;
        }

        var documents = DocumentsAsked(context);
        if (HasOwnSubject(context, matched, documents, out var subject))
        {
            // "What does the abstract say the study examines?": a question like any other, answered from that part.
            if (aspect is ReadingAspect.Abstract or ReadingAspect.Introduction or ReadingAspect.Conclusion or ReadingAspect.Ending or ReadingAspect.Overview)
            {
                context.Scope = documents
                    .SelectMany(d => PartsFor(context.Readings.PartsOf(d), aspect).SelectMany(part => Under(d, part).Select(s => (d.Id, s.Id))))
                    .ToHashSet();
                if (context.Scope.Count == 0)
                {
                    context.Scope = null;
                }
                else
                {
                    context.Subject = subject;
                }
            }

            return null;
        }

        return aspect switch
        {
            ReadingAspect.Author or ReadingAspect.Date or ReadingAspect.Venue or ReadingAspect.Title => Details(context, aspect, documents),
            ReadingAspect.Publication => replies.Decline(context.Asked, AnswerStatus.NotInPaper, DeclineReasons.NotStated, options.PublicationNotStatedText, context.Readings,
                [new Evidence("reading_details", 0, 1, "publication details other than author, year, venue and title are not kept for a reading")]),
            ReadingAspect.Structure => Structure(context, documents),
            ReadingAspect.Method => await MethodAsync(context, documents, cancellationToken).ConfigureAwait(false),
            _ => await FromPartAsync(context, aspect, matched, documents, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// "What does section 3 say about the pipeline?": a question about a section named by its number is answered
    /// from that section and its subsections, the reference set aside as the question's frame. Nothing changes when
    /// no reading has a section of that number.
    /// </summary>
    private static void ScopeToNumberedSection(QuestionContext context)
    {
        if (NumberedSection().Match(context.Question) is not { Success: true } named || context.Scope is not null)
        {
            return;
        }

        var id = named.Groups["id"].Value;
        var scope = context.Readings.Documents
            .SelectMany(d => d.Sections.Where(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(s.ParentId, id, StringComparison.OrdinalIgnoreCase)).Select(s => (d.Id, s.Id)))
            .ToHashSet();
        if (scope.Count > 0)
        {
            context.Scope = scope;
            context.Subject = context.Question.Remove(named.Index, named.Length).Trim();
        }
    }

    [GeneratedRegex(@"\b((in|of|from) )?(the )?(section|part|chapter|§) ?(?<id>\d{1,2}(\.[0-9ivx]{1,4})?|[ivx]{1,4})\b( of (the|this) (paper|article|reading|text|study))?", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedSection();

    /// <summary>
    /// The readings a question is about: the one whose title it names (two of the title's words), or the one a
    /// short name points to ("the London article", "the russia-pak reading": a word before "paper", "article" …
    /// that begins a word of one reading's title); else all of them.
    /// </summary>
    private static IReadOnlyList<PaperDocument> DocumentsAsked(QuestionContext context)
    {
        var question = ReadingIndex.Normalise(context.Question);
        var named = context.Readings.Documents
            .Where(d => TitleWords(ReadingIndex.TitleOf(d)) is { Count: > 0 } words && words.Count(w => question.Contains(w, StringComparison.Ordinal)) >= Math.Min(2, words.Count))
            .ToList();
        if (named.Count == 0 && context.Readings.Documents.Count > 1)
        {
            var designators = Designators(context.Question);
            var pointed = context.Readings.Documents
                .Where(d => TitleWords(ReadingIndex.TitleOf(d)) is var words && designators.Any(n => words.Any(w => w.StartsWith(n, StringComparison.Ordinal))))
                .ToList();
            named = pointed.Count == 1 ? pointed : named;
        }

        return named.Count > 0 ? named : context.Readings.Documents;
    }

    /// <summary>The words a question names a reading by, right before the word for it: "London", "russia", "pak" in "the London article", "the russia-pak reading".</summary>
    private static List<string> Designators(string question) =>
        [.. ReadingNamed().Matches(ReadingIndex.Normalise(question))
            .SelectMany(m => m.Groups["by"].Value.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w)
            .Where(w => w.Length >= 3 && !EnglishLexicon.IsFrame(w) && !EnglishLexicon.IsLight(w) && !AspectWords.Contains(w))];

    [GeneratedRegex(@"\b(the|this|that) (?<by>([\w'\-]+ ){1,2})(paper|article|text|study|reading|essay|piece|report|chapter)('s)?\b")]
    private static partial Regex ReadingNamed();

    private static List<string> TitleWords(string title) =>
        ReadingIndex.Normalise(title).Split([' ', ',', ':', '.', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w)
            .Where(w => w.Length > 4 && !EnglishLexicon.IsFrame(w)).ToList();

    [GeneratedRegex(@"\b(summar(y|ies|i[sz]e[sd]?|i[sz]ing)|recap|sum (it |this )?up|gist|tl;?dr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SumUp();

    /// <summary>How long the answer should be ("in 2 lines", "in three sentences", "in a few words"): no subject of the question.</summary>
    [GeneratedRegex(@"\b(in|within|using) (\d+|one|two|three|four|five|a few|few|a couple of) (lines?|sentences?|words?|points?|bullets?|bullet points?|paragraphs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Length();

    /// <summary>Whether, the aspect's own words aside, the question names a subject of its own (and the question without them).</summary>
    private static bool HasOwnSubject(QuestionContext context, string matched, IReadOnlyList<PaperDocument> documents, out string rest)
    {
        rest = Length().Replace(context.Question.Replace('’', '\''), " ");
        var at = rest.IndexOf(matched, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            rest = rest.Remove(at, matched.Length);
        }

        // The words that name the reading ("the Lisbon-Porto paper") are no subject of the question.
        var titles = documents.SelectMany(d => TitleWords(ReadingIndex.TitleOf(d))).ToHashSet(StringComparer.Ordinal);
        var designators = Designators(context.Question).ToHashSet(StringComparer.Ordinal);
        bool NamesTheReading(string word) => word.Split('-', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts
            && parts.All(p => titles.Contains(p) || designators.Contains(p));
        var terms = QuestionAnalyzer.Analyze(rest, context.Readings).Terms
            .Where(t => t.Kind != TermKind.Light && !AspectWords.Contains(t.Word) && !NamesTheReading(t.Word))
            .ToList();
        return terms.Count > 0;
    }

    private static readonly HashSet<string> AspectWords = new(StringComparer.Ordinal)
    {
        "main", "central", "key", "core", "overall", "argument", "arguments", "thesis", "gist", "summary", "point", "idea",
        "claim", "message", "theme", "focus", "topic", "purpose", "aim", "aims", "objective", "objectives", "goal", "goals",
        "research", "question", "questions", "problem", "conclusion", "conclusions", "conclude", "concludes", "findings",
        "results", "end", "ends", "ending", "finish", "close", "final", "last", "abstract", "introduction", "open", "opens",
        "begin", "start", "structure", "organised", "organized", "sections", "parts", "method", "methods", "methodology",
        "approach", "author", "authors", "wrote", "written", "published", "journal", "title", "called", "sentence", "nutshell",
        "overview", "synopsis", "tldr", "set", "out", "try", "seek", "want", "examine", "examines", "argue", "argues", "study",
        "short", "brief", "briefly", "simple", "simply", "words", "general", "whole", "entire", "actually", "really", "mostly", "mainly",
        "takeaway", "takeaways", "upshot", "verdict", "lesson", "lessons", "outcome", "outcomes", "big", "summarise", "summarize", "recap",
    };

    private async ValueTask<Answer> FromPartAsync(QuestionContext context, ReadingAspect aspect, string matched, IReadOnlyList<PaperDocument> documents, CancellationToken cancellationToken)
    {
        await context.QueryVectorAsync(cancellationToken).ConfigureAwait(false);
        var chosen = new List<LocatedSentence>();
        foreach (var document in documents)
        {
            var parts = context.Readings.PartsOf(document);
            var part = Part(parts, aspect) ?? (aspect == ReadingAspect.Overview ? parts.Introduction : null);
            if (part is null)
            {
                continue;
            }

            var sentences = Summaries.SentencesUnder(document, part);
            // "What's the central question?" where the introduction says "The central question is one of timing.":
            // the reading names its own aim, thesis or question in the asked words, and that sentence says it.
            if (aspect == ReadingAspect.Overview && SaidInItsWords(document, parts, matched) is { } own)
            {
                chosen.Add(own);
                chosen.AddRange(Closest(context, sentences.Where(s => s != own).ToList(), 1));
                continue;
            }

            chosen.AddRange(aspect switch
            {
                ReadingAspect.Ending => sentences.TakeLast(2),
                ReadingAspect.Overview => Closest(context, sentences, 2),
                // Its aim or question asked of one part ("the central question of the introduction"), unless asked to sum it up.
                ReadingAspect.Introduction or ReadingAspect.Abstract or ReadingAspect.Conclusion when WholeReadingQuestion.AsksForAim(context.Question) && !SumUp().IsMatch(context.Question) => Closest(context, sentences, 2),
                // A part opens with what it is about: its first sentence, then the most central of the rest.
                // Asked to sum it up ("summarise the conclusion"), one sentence more.
                // A conclusion ends on its last word: its first sentence, its most central, and its last.
                ReadingAspect.Conclusion when sentences.Count > 3 => sentences.Take(1)
                    .Concat(Summaries.MostCentral(context.Knowledge, sentences.Skip(1).SkipLast(1).ToList(), SumUp().IsMatch(context.Question) ? 2 : 1))
                    .Concat(sentences.TakeLast(1)),
                // A short abstract is its own summary: all of it, in its order.
                ReadingAspect.Abstract when sentences.Count <= ShortAbstract => sentences,
                _ => sentences.Take(1).Concat(Summaries.MostCentral(context.Knowledge, sentences.Skip(1).ToList(), (aspect == ReadingAspect.Abstract ? 2 : 1) + (SumUp().IsMatch(context.Question) ? 1 : 0))),
            });
        }

        if (chosen.Count == 0)
        {
            var missing = aspect switch
            {
                ReadingAspect.Abstract => "an abstract",
                ReadingAspect.Introduction => "an introduction",
                _ => "a conclusion",
            };
            return replies.Decline(context.Asked, AnswerStatus.NotInPaper, DeclineReasons.NotStated, $"{{Readings}} has no part I can tell is {missing}.", context.Readings);
        }

        var (text, citations) = AnswerComposer.Compose(chosen, context.Readings);
        return new Answer { Question = context.Asked, Status = AnswerStatus.Answered, Text = text, Citations = citations };
    }

    /// <summary>
    /// The first sentence of the abstract or the introduction that has the aspect asked for in the words asked ("central
    /// question", "main argument", "thesis"), the words the question named it by being two or more, or one that is no
    /// everyday word ("gist" is never written into a reading's own text). Null when none.
    /// </summary>
    private static LocatedSentence? SaidInItsWords(PaperDocument document, ReadingParts parts, string matched)
    {
        var words = matched.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 && !OwnAspectWord().IsMatch(matched) || words.Any(w => !w.All(char.IsLetter)))
        {
            return null;
        }

        var phrase = new Regex(@"\b" + string.Join(@"\s+", words.Select(Regex.Escape)) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return new[] { parts.Abstract, parts.Introduction }.OfType<Section>()
            .SelectMany(p => Summaries.SentencesUnder(document, p))
            .FirstOrDefault(s => phrase.IsMatch(s.Text));
    }

    [GeneratedRegex(@"^(thesis|argument|contention|hypothesis)$")]
    private static partial Regex OwnAspectWord();

    /// <summary>The most sentences an abstract may have to be quoted whole when asked what it says.</summary>
    private const int ShortAbstract = 5;

    /// <summary>The sentences of a part that say most directly what the question asks (aim, thesis, question): closest in meaning, statements of purpose first.</summary>
    private static IEnumerable<LocatedSentence> Closest(QuestionContext context, List<LocatedSentence> sentences, int count)
    {
        // "What question does the study set out to answer?": the sentence that poses one ("… whether …", "asks why …").
        var asksQuestion = AsksForQuestion().IsMatch(context.Question);
        // "What's the main argument?": the sentence that argues ("It argues that …", "… contends …").
        var asksArgument = AsksForArgument().IsMatch(context.Question);
        var scored = sentences
            .Select((s, i) => (Sentence: s, Order: i, Score: Similarity(context, s) + (Purpose().IsMatch(s.Text) ? 0.1 : 0)
                + (asksQuestion && PosesQuestion().IsMatch(s.Text) ? 0.1 : 0)
                + (asksArgument && Argues().IsMatch(s.Text) ? 0.1 : 0)))
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored[0].Score;
        return scored.Take(count).Where(x => x.Score >= best - 0.05).OrderBy(x => x.Order).Select(x => x.Sentence);
    }

    private static double Similarity(QuestionContext context, LocatedSentence sentence)
    {
        var index = context.Knowledge.IndexOf(sentence);
        return index < 0 || context.QueryVector is null ? 0 : TensorPrimitives.Dot(context.QueryVector.AsSpan(), context.Knowledge.SentenceVector(index).AsSpan());
    }

    private async ValueTask<Answer> MethodAsync(QuestionContext context, IReadOnlyList<PaperDocument> documents, CancellationToken cancellationToken)
    {
        await context.QueryVectorAsync(cancellationToken).ConfigureAwait(false);
        var stated = new List<LocatedSentence>();
        foreach (var document in documents)
        {
            var parts = context.Readings.PartsOf(document);
            var framing = new[] { parts.Abstract, parts.Introduction }.OfType<Section>().SelectMany(p => Summaries.SentencesUnder(document, p));
            stated.AddRange(Closest(context, framing.Where(s => MethodStatement().IsMatch(s.Text)).ToList(), 1));
        }

        if (stated.Count == 0)
        {
            return replies.Decline(context.Asked, AnswerStatus.NotInPaper, DeclineReasons.NotStated, options.MethodNotStatedText, context.Readings);
        }

        var (text, citations) = AnswerComposer.Compose(stated, context.Readings);
        return new Answer { Question = context.Asked, Status = AnswerStatus.Answered, Text = text, Citations = citations };
    }

    private Answer Structure(QuestionContext context, IReadOnlyList<PaperDocument> documents)
    {
        var lines = new List<string>();
        foreach (var document in documents)
        {
            var top = document.TopLevel.ToList();
            lines.Add(documents.Count == 1 && context.Readings.Documents.Count == 1
                ? $"The paper has {top.Count} parts:"
                : $"“{ReadingIndex.TitleOf(document)}” has {top.Count} parts:");
            lines.AddRange(top.Select(s => $"- {s.Label}{(document.ChildrenOf(s.Id).Any() ? $" ({string.Join("; ", document.ChildrenOf(s.Id).Select(c => c.Title))})" : string.Empty)}"));
        }

        // What the reading says of its own plan ("The sections that follow examine …", "It first traces … It then
        // examines …"), in its abstract or introduction, quoted and cited after the outline.
        var plan = documents.SelectMany(d => PlanOf(context.Readings.PartsOf(d), d)).ToList();
        if (plan.Count == 0)
        {
            return new Answer { Question = context.Asked, Status = AnswerStatus.Answered, Kind = AnswerKinds.Sections, Text = string.Join("\n", lines) };
        }

        var (text, citations) = AnswerComposer.Compose(plan, context.Readings);
        return new Answer { Question = context.Asked, Status = AnswerStatus.Answered, Kind = AnswerKinds.Sections, Text = string.Join("\n", lines) + "\n" + text, Citations = citations };
    }

    /// <summary>The sentences of a reading's introduction (else its abstract) that lay out its plan, at most three.</summary>
    private static IEnumerable<LocatedSentence> PlanOf(ReadingParts parts, PaperDocument document)
    {
        foreach (var part in new[] { parts.Introduction, parts.Abstract }.OfType<Section>())
        {
            var plan = Summaries.SentencesUnder(document, part).Where(s => PlanStatement().IsMatch(s.Text)).Take(3).ToList();
            if (plan.Count > 0)
            {
                return plan;
            }
        }

        return [];
    }

    [GeneratedRegex(@"\b(sections?|chapters?|parts?) (that|which) follows?\b|\b(following|next|remaining|subsequent) (sections?|chapters?|parts?)\b|\bthe (rest|remainder) of (the|this) (paper|article|study|essay|chapter)\b|\b(is|are) (organi[sz]ed|structured|divided|arranged)\b|^\W*(it|the (paper|article|study|essay)|this (paper|article|study|essay))( \w+)? (first|then|next|finally|lastly)\b|^\W*(first|then|next|finally|lastly),? (it|the (paper|article|study|essay)|this (paper|article|study|essay))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlanStatement();

    /// <summary>Author, date, venue and title come from the reading's details (its sidecar), never from a guess.</summary>
    private Answer Details(QuestionContext context, ReadingAspect aspect, IReadOnlyList<PaperDocument> documents)
    {
        var known = new List<string>();
        var unknown = new List<string>();
        foreach (var document in documents)
        {
            var metadata = document.Metadata;
            var name = documents.Count == 1 && context.Readings.Documents.Count == 1 ? "The paper" : $"“{ReadingIndex.TitleOf(document)}”";
            var value = aspect switch
            {
                ReadingAspect.Author when metadata.Authors.Count > 0 => $"{name} is by {string.Join(" and ", metadata.Authors)}{(metadata.Year is { } y ? $" ({y})" : string.Empty)}.",
                ReadingAspect.Date when metadata.Year is { } year => $"{name} was published in {year}.",
                ReadingAspect.Venue when metadata.Venue is { } venue => $"{name} was published in {venue}.",
                ReadingAspect.Title when metadata.Title is { } title => $"The reading is titled “{title}”.",
                _ => null,
            };
            if (value is null)
            {
                unknown.Add(document.Metadata.Title is null ? "its text" : $"“{document.Metadata.Title}”");
            }
            else
            {
                known.Add(value);
            }
        }

        var what = aspect switch
        {
            ReadingAspect.Author => "its author",
            ReadingAspect.Date => "when it was published",
            ReadingAspect.Venue => "where it was published",
            _ => "a title",
        };
        if (known.Count == 0)
        {
            var text = options.DetailNotStatedText.Replace("{what}", what, StringComparison.Ordinal);
            return replies.Decline(context.Asked, AnswerStatus.NotInPaper, DeclineReasons.NotStated, text, context.Readings,
                [new Evidence("reading_details", 0, 1, $"no {aspect.ToString().ToLowerInvariant()} in the reading's text or details")]);
        }

        var lines = known.ToList();
        if (unknown.Count > 0)
        {
            lines.Add($"The other reading does not name {what}.");
        }

        lines.Add("(From the reading's details, not from its text.)");
        return new Answer { Question = context.Asked, Status = AnswerStatus.Answered, Kind = AnswerKinds.About, Text = string.Join(" ", lines) };
    }

    /// <summary>The parts a question that names an aspect is answered from: the aims and questions of a reading are stated in its abstract and introduction.</summary>
    private static IEnumerable<Section> PartsFor(ReadingParts parts, ReadingAspect aspect) =>
        (aspect == ReadingAspect.Overview ? new[] { parts.Abstract, parts.Introduction } : [Part(parts, aspect)]).OfType<Section>();

    private static Section? Part(ReadingParts parts, ReadingAspect aspect) => aspect switch
    {
        ReadingAspect.Abstract => parts.Abstract,
        ReadingAspect.Introduction => parts.Introduction,
        ReadingAspect.Conclusion or ReadingAspect.Ending => parts.Conclusion,
        ReadingAspect.Overview => parts.Abstract ?? parts.Introduction,
        _ => null,
    };

    private static IEnumerable<Section> Under(PaperDocument document, Section part) =>
        document.Sections.Where(s => s.Id == part.Id || s.ParentId == part.Id);

    [GeneratedRegex(@"\b(objective|aim|aims|purpose|goal|examine|examines|argue|argues|attempt|analy[sz]e|analy[sz]es|investigate|investigates|explore|explores|thesis|this (paper|study|article|essay|chapter)|the present study|we (argue|show|examine|find))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Purpose();

    [GeneratedRegex(@"\b(question|questions|puzzle|problem|ask|asks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForQuestion();

    [GeneratedRegex(@"\b(argument|arguments|argue|argues|thesis|claim|claims|contention|position|stance)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForArgument();

    [GeneratedRegex(@"\b(argues?|argued|arguing|contends?|contended|maintains|claims?|thesis|holds that)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Argues();

    [GeneratedRegex(@"\b(whether|asks?|asking|questions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PosesQuestion();

    [GeneratedRegex(@"\b(method|methods|methodology|qualitative|quantitative|interviews?|surveys?|case stud(y|ies)|archival|archives?|fieldwork|data|dataset|draws? on|drawing on|based on|sources|documents|records|statistics|comparative)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MethodStatement();
}
