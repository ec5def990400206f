using System.Globalization;
using System.Security.Cryptography;
using PaperBot.Answering.Composition;
using PaperBot.Answering.Decision;
using PaperBot.Answering.Pipeline;
using PaperBot.Answering.Readings;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Study;

/// <summary>
/// The commands of the answer service: help, sections, and the study commands (summary, timeline, glossary, define,
/// quiz and its reveal, sources). Replies made from the readings' structure rather than a search, every sentence
/// still the readings' own and cited.
/// </summary>
public sealed partial class StudyCommands(AnsweringOptions options, Replies replies)
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, StudyIndex> _study = [];

    /// <summary>
    /// The reply to a command (help, sections or a study command), or null when the request is a question. A quiz
    /// question is returned with its card for the caller to keep; "reveal" is answered by <see cref="Reveal"/> once the
    /// caller has looked the quiz up.
    /// </summary>
    public Answer? TryAnswer(Command command, KnowledgeBase knowledge, ReadingIndex readings)
    {
        var asked = command.Text;
        return command switch
        {
            HelpCommand => replies.Help(asked, readings),
            SectionsCommand => Sections(asked, knowledge),
            SummaryCommand summary => Summary(asked, knowledge, summary.Section ?? string.Empty),
            TimelineCommand => TimelineAnswer(asked, knowledge),
            GlossaryCommand => GlossaryAnswer(asked, knowledge),
            DefineCommand define => Define(asked, knowledge, readings, define.Term),
            QuizCommand quiz => Quiz(asked, knowledge, quiz.Section ?? string.Empty),
            SourcesCommand => Sources(asked, knowledge, null, inChannel: false),
            _ => null,
        };
    }

    /// <summary>The study index of a knowledge base (all readings, or a channel's view of some), built once per knowledge base.</summary>
    private StudyIndex StudyIndexFor(KnowledgeBase knowledge) => _study.GetValue(knowledge, k => new StudyIndex(k));

    private Answer Summary(string question, KnowledgeBase knowledge, string sectionId)
    {
        var names = AnswerComposer.DocumentNames(knowledge);
        if (sectionId.Length > 0)
        {
            var found = FindSection(knowledge, sectionId);
            if (found is not { } match)
            {
                return NoSuchSection(question, AnswerKinds.Summary, sectionId);
            }

            var sentences = Summaries.OfSection(knowledge, match.Document, match.Section);
            var lead = knowledge.Documents.Count > 1 ? $"{match.Document.DisplayName}, {match.Section.Label}" : match.Section.Label;
            return StudyList(question, AnswerKinds.Summary, $"Summary of {lead}, in the paper’s own words:", sentences.Select(s => (string.Empty, s)).ToList(), names);
        }

        var lines = new List<string>();
        var citations = new List<Citation>();
        foreach (var document in knowledge.Documents)
        {
            lines.Add(knowledge.Documents.Count > 1
                ? $"{document.DisplayName}: the central claim of each part:"
                : "The paper’s central claim in each part:");
            foreach (var sentence in Summaries.OfDocument(knowledge, document))
            {
                var marker = citations.Count + 1;
                citations.Add(AnswerComposer.ToCitation(sentence, marker, names));
                var section = document.TopLevel.FirstOrDefault(s => s.Id == sentence.Section.Id || s.Id == sentence.Section.ParentId) ?? sentence.Section;
                lines.Add($"{section.Label}: {sentence.Text} [{marker}]");
            }
        }

        return Study(question, AnswerKinds.Summary, lines, citations);
    }

    private Answer TimelineAnswer(string question, KnowledgeBase knowledge)
    {
        var events = StudyIndexFor(knowledge).Timeline;
        if (events.Count == 0)
        {
            return replies.Decline(question, AnswerStatus.NotInPaper, DeclineReasons.NothingToList, "The readings report no dated events.", null) with { Kind = AnswerKinds.Timeline };
        }

        return StudyList(question, AnswerKinds.Timeline, $"The dated events the paper reports ({events.Count}), in order:", events.Select(e => (e.Date, e.Sentence)).ToList(), AnswerComposer.DocumentNames(knowledge));
    }

    private Answer GlossaryAnswer(string question, KnowledgeBase knowledge)
    {
        var glossary = StudyIndexFor(knowledge).Glossary;
        if (glossary.Count == 0)
        {
            return replies.Decline(question, AnswerStatus.NotInPaper, DeclineReasons.NothingToList, "The readings expand no acronyms.", null) with { Kind = AnswerKinds.Glossary };
        }

        var names = AnswerComposer.DocumentNames(knowledge);
        var lines = new List<string> { $"The terms the paper defines ({glossary.Count}), as printed:" };
        var citations = new List<Citation>();
        foreach (var entry in glossary)
        {
            var marker = citations.Count + 1;
            citations.Add(ToCitation(entry, marker, names));
            lines.Add($"{entry.Term}: {entry.Expansion} [{marker}]");
        }

        return Study(question, AnswerKinds.Glossary, lines, citations);
    }

    /// <summary>
    /// A question that only asks what an acronym stands for ("What does VHC stand for?", "what's the full form of
    /// vhc in section 2?", "VHC stands for?") is the define command: answered from the glossary, with the sentence
    /// that expands it; an acronym the readings use without expanding it is declined as not defined (no sentence
    /// merely mentioning it is an answer). Null for any other question, and for a word the glossary lacks that was
    /// not typed as an acronym ("what does bonanza stand for?"), which the question path answers.
    /// </summary>
    public Answer? AcronymAsked(string question, KnowledgeBase knowledge, ReadingIndex readings)
    {
        if (AcronymQuestion().Match(question) is not { Success: true } match)
        {
            return null;
        }

        var term = match.Groups["term"].Value;
        var typedAsAcronym = term.Count(char.IsUpper) >= 2 && term.TrimEnd('s').All(c => char.IsUpper(c) || char.IsDigit(c) || c == '&');
        var known = Glossary.Find(StudyIndexFor(knowledge).Glossary, term) is not null;
        return typedAsAcronym || known && !match.Groups["mean"].Success ? Define(question, knowledge, readings, term) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*((so|and|ok|okay|hey|quick one|also)[,\s-]+)*(((what|wht|wat)\s*(does|do|did|is|'s|’s|s)\s+(the\s+)?((acronym|abbreviation|initialism|term)\s+)?[""“‘']?(?<term>[A-Za-z][A-Za-z0-9&]{1,9})[""”’']?\s+((?<stand>stands?\s+for|short\s+for)|(?<mean>mean)))|((what\s+is|what's|what’s|whats)\s+(the\s+)?(full\s+form|expansion|long\s+form)\s+of\s+(the\s+)?[""“‘']?(?<term>[A-Za-z][A-Za-z0-9&]{1,9})[""”’']?)|([""“‘']?(?<term>[A-Za-z][A-Za-z0-9&]{1,9})[""”’']?\s+(?<stand>stands\s+for|is\s+short\s+for)))(\s+in\s+[^,;?.!]{1,60})?\s*[?.!]*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AcronymQuestion();

    private Answer Define(string question, KnowledgeBase knowledge, ReadingIndex readings, string term)
    {
        var entry = Glossary.Find(StudyIndexFor(knowledge).Glossary, term);
        if (entry is null)
        {
            var defined = readings.ContainsPhrase(term);
            var declined = defined
                ? options.NotDefinedText.Replace("{term}", $"“{term}”", StringComparison.Ordinal)
                : replies.Fill(options.NotInPaperText, readings).Replace("{subject}", $"“{term}”", StringComparison.Ordinal);
            return replies.Decline(question, AnswerStatus.NotInPaper, defined ? DeclineReasons.NotDefined : DeclineReasons.AbsentSubject, declined, readings) with { Kind = AnswerKinds.Define };
        }

        var citation = ToCitation(entry, 1, AnswerComposer.DocumentNames(knowledge));
        var where = entry.Paragraph == 0 ? $"in the heading of {entry.Section.Label}" : "in the paper’s words";
        var text = $"{entry.Term} stands for {entry.Expansion}, {where}:\n{entry.Quote} [1]";
        return new Answer { Question = question, Status = AnswerStatus.Answered, Kind = AnswerKinds.Define, Text = text, Citations = [citation] };
    }

    private Answer Quiz(string question, KnowledgeBase knowledge, string sectionId)
    {
        var study = StudyIndexFor(knowledge);
        var candidates = study.QuizCandidates;
        if (sectionId.Length > 0)
        {
            if (FindSection(knowledge, sectionId) is not { } match)
            {
                return NoSuchSection(question, AnswerKinds.Quiz, sectionId);
            }

            var under = Summaries.SentencesUnder(match.Document, match.Section).ToHashSet();
            candidates = candidates.Where(c => under.Contains(c.Sentence)).ToList();
        }

        if (candidates.Count == 0)
        {
            return replies.Decline(question, AnswerStatus.NotInPaper, DeclineReasons.NothingToList, "I found no sentence with a date, an amount or a name to make a question from there. Try 'quiz' for the whole reading.", null) with { Kind = AnswerKinds.Quiz };
        }

        var (sentence, fact) = candidates[RandomNumberGenerator.GetInt32(candidates.Count)];
        var names = AnswerComposer.DocumentNames(knowledge);
        var documentName = names.Count > 1 ? names.GetValueOrDefault(sentence.DocumentId) : null;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var prompt = QuizMaker.Prompt(sentence, fact, documentName);
        var card = new QuizCard(id, prompt, fact.Text, AnswerComposer.ToCitation(sentence, 1, names));
        return new Answer
        {
            Question = question,
            Status = AnswerStatus.Answered,
            Kind = AnswerKinds.Quiz,
            Text = prompt,
            Quiz = card,
            Suggestions = [$"reveal {id}"],
        };
    }

    /// <summary>The answer to a quiz question, or a decline when the quiz is unknown or has expired.</summary>
    public Answer Reveal(string question, QuizCard? card)
    {
        if (card is null)
        {
            return replies.Decline(question, AnswerStatus.Rejected, DeclineReasons.UnknownQuiz, "I don't have that quiz any more (quizzes are kept for a while only). Type 'quiz' for a new question.", null) with { Kind = AnswerKinds.QuizAnswer };
        }

        var text = $"The answer is “{card.HiddenAnswer}”, as the paper says:\n{card.Citation.Quote} [1]";
        return new Answer { Question = question, Status = AnswerStatus.Answered, Kind = AnswerKinds.QuizAnswer, Text = text, Citations = [card.Citation with { Marker = 1 }] };
    }

    /// <summary>
    /// Every loaded reading: its title, id, number of sections and when it was indexed, the readings in use marked
    /// when a channel (or the request) answers from some of them only.
    /// </summary>
    public static Answer Sources(string question, KnowledgeBase loaded, IReadOnlyList<string>? inUse, bool inChannel)
    {
        var some = inUse is { Count: > 0 };
        var lead = some
            ? $"Loaded readings ({loaded.Documents.Count}); {(inChannel ? "this channel answers" : "this question is answered")} from the {inUse!.Count} marked “in use”:"
            : $"Loaded readings ({loaded.Documents.Count}), all in use:";
        var lines = new List<string> { lead };
        lines.AddRange(ReadingLines(loaded, some ? inUse : null));
        if (inChannel && loaded.Documents.Count > 1)
        {
            lines.Add(some ? "Type 'use all' to answer from every reading again." : "Type 'use <id>' to answer from some of them only.");
        }

        return new Answer { Question = question, Status = AnswerStatus.Answered, Kind = AnswerKinds.Sources, Text = string.Join("\n", lines) };
    }

    /// <summary>One line per reading: <c>- “Title” (id), 12 sections, indexed 2026-11-02 09:00 UTC</c>, and "in use" when it is.</summary>
    private static IEnumerable<string> ReadingLines(KnowledgeBase loaded, IReadOnlyList<string>? inUse) =>
        loaded.Documents.Select(d =>
        {
            var indexed = loaded.IndexedAt(d.Id) is { } at ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "not yet";
            var mark = inUse is not null && inUse.Contains(d.Id, StringComparer.OrdinalIgnoreCase) ? " — in use" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"- {ReadingNames.Label(d)}, {d.Sections.Count} sections, indexed {indexed}{mark}");
        });

    /// <summary>The reply to <c>use …</c> once the channel's choice is kept: the readings now in use, by title.</summary>
    public Answer UseChosen(string question, IReadOnlyList<PaperDocument> readings, bool every)
    {
        var lines = new List<string>
        {
            every
                ? $"This channel now answers from every reading ({readings.Count}):"
                : $"This channel now answers from {(readings.Count == 1 ? "this reading" : $"these {readings.Count} readings")} only:",
        };
        lines.AddRange(readings.Select(d => $"- {ReadingNames.Label(d)}"));
        if (!every)
        {
            lines.Add("Type 'use all' to answer from every reading again, 'sources' for the list.");
        }

        return new Answer { Question = question, Status = AnswerStatus.Answered, Kind = AnswerKinds.Readings, Text = string.Join("\n", lines) };
    }

    /// <summary>The reply to <c>use …</c> when the store could not keep the choice: nothing changed, try again.</summary>
    public Answer UseNotKept(string question) =>
        replies.Decline(question, AnswerStatus.Rejected, DeclineReasons.StoreUnavailable, "The readings of this channel could not be changed: the bot's store is unavailable right now. Nothing was changed; please try again in a moment.", null) with { Kind = AnswerKinds.Readings };

    /// <summary>The reply to <c>use …</c> when a name matched no reading, or several: what, and the readings to choose from.</summary>
    public Answer UseUnresolved(string question, string arguments, ReadingChoice choice, IReadOnlyList<PaperDocument> loaded)
    {
        var lines = new List<string>();
        if (arguments.Trim().Length == 0)
        {
            lines.Add("Name the readings to answer from: 'use <id>' (several separated by commas), or 'use all' for every reading.");
        }

        if (choice.Unmatched.Count > 0)
        {
            lines.Add($"No loaded reading matches {string.Join(", ", choice.Unmatched.Select(u => $"“{u}”"))}, so nothing was changed.");
        }

        foreach (var (name, candidates) in choice.Ambiguous)
        {
            lines.Add($"“{name}” matches more than one reading ({string.Join(", ", candidates.Select(c => c.Id))}); name one by its id. Nothing was changed.");
        }

        lines.Add($"The loaded readings ({loaded.Count}):");
        lines.AddRange(loaded.Select(d => $"- {d.Id}: {ReadingIndex.TitleOf(d)}"));
        var evidence = choice.Unmatched.Select(u => new Evidence("unmatched", 1, Detail: u))
            .Concat(choice.Ambiguous.Select(a => new Evidence("ambiguous", a.Candidates.Count, Detail: a.Name)))
            .ToList();
        return replies.Decline(question, AnswerStatus.Rejected, DeclineReasons.UnknownReading, string.Join("\n", lines), null, evidence) with
        {
            Kind = AnswerKinds.Readings,
            Suggestions = loaded.Take(3).Select(d => $"use {d.Id}").Append("use all").ToList(),
        };
    }

    /// <summary>The reply to <c>use …</c> outside a channel (the CLI, HTTP), where there is no choice to keep.</summary>
    public Answer UseOutsideAChannel(string question, IReadOnlyList<PaperDocument> loaded)
    {
        var lines = new List<string>
        {
            "'use' chooses the readings of a Slack channel or a Teams conversation. Here, name them with the question: 'paperbot ask --reading <id>' on the command line, \"readings\": [\"<id>\"] on POST /api/ask.",
            $"The loaded readings ({loaded.Count}):",
        };
        lines.AddRange(loaded.Select(d => $"- {d.Id}: {ReadingIndex.TitleOf(d)}"));
        return replies.Decline(question, AnswerStatus.Rejected, DeclineReasons.Input, string.Join("\n", lines), null) with { Kind = AnswerKinds.Readings };
    }

    private Answer NoSuchSection(string question, string kind, string sectionId) =>
        replies.Decline(question, AnswerStatus.NotInPaper, DeclineReasons.UnknownSection, $"There is no section “{sectionId}”. Type 'sections' for the section ids.", null) with { Kind = kind };

    private static (PaperDocument Document, Section Section)? FindSection(KnowledgeBase knowledge, string sectionId)
    {
        // "3.II" or, with several readings, "document-id:3.II".
        var colon = sectionId.LastIndexOf(':');
        var documents = colon > 0 ? knowledge.Documents.Where(d => d.Id.Equals(sectionId[..colon], StringComparison.OrdinalIgnoreCase)) : knowledge.Documents;
        var id = colon > 0 ? sectionId[(colon + 1)..] : sectionId;
        foreach (var document in documents)
        {
            if (document.FindSection(id.TrimStart('§')) is { } section)
            {
                return (document, section);
            }
        }

        return null;
    }

    private static Answer StudyList(string question, string kind, string lead, IReadOnlyList<(string Label, LocatedSentence Sentence)> items, IReadOnlyDictionary<string, string> names)
    {
        var lines = new List<string> { lead };
        var citations = new List<Citation>();
        foreach (var (label, sentence) in items)
        {
            var marker = citations.Count + 1;
            citations.Add(AnswerComposer.ToCitation(sentence, marker, names));
            lines.Add(label.Length == 0 ? $"{sentence.Text} [{marker}]" : $"{label}: {sentence.Text} [{marker}]");
        }

        return Study(question, kind, lines, citations);
    }

    private static Answer Study(string question, string kind, List<string> lines, List<Citation> citations) => new()
    {
        Question = question,
        Status = AnswerStatus.Answered,
        Kind = kind,
        Text = string.Join("\n", lines),
        Citations = citations,
    };

    private static Citation ToCitation(GlossaryEntry entry, int marker, IReadOnlyDictionary<string, string> names) =>
        new(marker, entry.DocumentId, entry.Section.Id, entry.Section.Title, entry.Quote, entry.Paragraph,
            names.Count > 1 ? names.GetValueOrDefault(entry.DocumentId) : null)
        {
            DocumentTitle = names.GetValueOrDefault(entry.DocumentId) ?? entry.DocumentId,
        };

    private static Answer Sections(string question, KnowledgeBase knowledge)
    {
        var lines = new List<string>();
        foreach (var document in knowledge.Documents)
        {
            if (knowledge.Documents.Count > 1)
            {
                lines.Add(ReadingIndex.TitleOf(document));
            }

            lines.AddRange(document.Sections.Select(s => $"{new string(' ', (s.Level - 1) * 2)}{s.Label}"));
        }

        return new Answer { Question = question, Status = AnswerStatus.Answered, Kind = AnswerKinds.Sections, Text = string.Join("\n", lines) };
    }

    /// <summary>What the study commands need from a knowledge base, worked out once.</summary>
    private sealed class StudyIndex
    {
        public StudyIndex(KnowledgeBase knowledge)
        {
            Knowledge = knowledge;
            Timeline = PaperBot.Answering.Study.Timeline.Extract(knowledge.AllSentences());
            Glossary = PaperBot.Answering.Study.Glossary.Extract(knowledge.Documents);
            QuizCandidates = QuizMaker.Candidates(knowledge.AllSentences(), Glossary);
        }

        public KnowledgeBase Knowledge { get; }

        public IReadOnlyList<TimelineEvent> Timeline { get; }

        public IReadOnlyList<GlossaryEntry> Glossary { get; }

        public IReadOnlyList<(LocatedSentence Sentence, QuizMaker.Fact Fact)> QuizCandidates { get; }
    }
}
