using System.Globalization;

namespace PaperBot.Answering.Decision;

/// <summary>The thresholds of the answerability decision (settings, calibrated on the dev split).</summary>
public sealed record AnswerabilityThresholds(
    double MinCoverage,
    double MaxUnsupportedShare,
    double OffTopicPresence,
    double RelevanceFloor,
    double PremiseCoverage,
    double? PremiseMaxUnsupportedShare = null,
    double FactRunShare = 0)
{
    /// <summary>
    /// The heaviest share of the question that may go unaccounted for: less when the question takes something for
    /// granted and asks why or how ("Why did relations improve?"), or asks what a reading says about a subject (it is
    /// all subject); a question that asks when is anchored by the date the sentence must carry.
    /// </summary>
    public double MaxUnsupportedShareFor(QuestionAnalysis question) =>
        (question.Presupposes && question.AnswerType != Language.AnswerType.Date || Answerability.AsksWhatAReadingSays(question))
        && PremiseMaxUnsupportedShare is { } premise
            ? Math.Min(premise, MaxUnsupportedShare)
            : MaxUnsupportedShare;
}

/// <summary>What the readings have of each question word anywhere, apart from the chosen sentences.</summary>
/// <param name="Present">Per term: 1 when the readings use it (or an alias), else the best support any word of the readings gives it by meaning.</param>
public sealed record ReadingPresence(IReadOnlyDictionary<QuestionTerm, double> Present);

/// <summary>The outcome of the answerability decision.</summary>
public sealed record Verdict(string? Reason, IReadOnlyList<Evidence> Evidence, IReadOnlyList<QuestionTerm> Missing, SentenceEvidence? Contradicting = null)
{
    public bool Answerable => Reason is null;

    /// <summary>A second sentence the false premise is shown by, when it takes two ("X in 1950 … Y in 1948").</summary>
    public SentenceEvidence? AlsoContradicting { get; init; }
}

/// <summary>
/// Decides whether the chosen sentences answer the question, from evidence about the question and the readings
/// only. In order: a request to produce something is off-topic; a name or number the sentences do not have is an
/// absent subject (or, when a sentence says the same with another one, a false premise); a question whose words
/// the readings do not use at all is off-topic; a question resting on the opposite of what the best sentence says
/// is a false premise; a question whose words the sentences do not jointly account for is declined, naming the
/// words (absent subject when the readings never use them, unsupported terms when they do but not together); and a
/// best sentence that is not close in meaning is no passage.
/// </summary>
public static partial class Answerability
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\bnot (only|just|merely|simply)\b|\bno (doubt|wonder|less|longer)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NotOnly();

    /// <param name="carried">Words a follow-up took from the thread's last question (its subject): what they name was said in the last answer's passage, so they need not stand in this one's.</param>
    public static Verdict Decide(QuestionAnalysis question, Selection selection, ReadingPresence presence, AnswerabilityThresholds thresholds, IReadOnlySet<QuestionTerm>? carried = null)
    {
        var evidence = new List<Evidence>();
        if (question.IsTask)
        {
            evidence.Add(new Evidence("task_request", 1, Detail: "asks to produce something, not what the readings say"));
            return new Verdict(DeclineReasons.OffTopic, evidence, []);
        }

        if (selection.Sentences.Count == 0)
        {
            return new Verdict(DeclineReasons.NoPassage, [new Evidence("passages", 0, 1)], []);
        }

        var total = question.TotalWeight;
        var coverage = selection.Coverage;
        var best = selection.Sentences.MaxBy(s => s.Score)!;
        var presentShare = total <= 0 ? 1 : question.Terms.Sum(t => t.Weight * presence.Present.GetValueOrDefault(t)) / total;
        evidence.Add(new Evidence("coverage", coverage, thresholds.MinCoverage, "weighted share of the question's words the cited sentences account for"));
        evidence.Add(new Evidence("in_readings", presentShare, thresholds.OffTopicPresence, "weighted share of the question's words the readings use anywhere"));
        evidence.Add(new Evidence("similarity", best.Similarity, thresholds.RelevanceFloor, "closeness in meaning of the best sentence"));
        foreach (var support in selection.Joint)
        {
            evidence.Add(new Evidence($"word “{support.Term.Surface}”", support.Value, 0.5,
                string.Create(CultureInfo.InvariantCulture, $"{support.Kind.ToString().ToLowerInvariant()}{(support.By is null ? string.Empty : $" by {support.By}")}, weight {support.Term.Weight:0.00}{(presence.Present.GetValueOrDefault(support.Term) < 0.5 ? ", not in the readings" : string.Empty)}")));
        }

        var unsupported = selection.Unsupported.ToList();
        var absent = unsupported.Where(s => presence.Present.GetValueOrDefault(s.Term) < 0.5).Select(s => s.Term).ToList();
        var absentShare = total <= 0 ? 0 : selection.Joint.Sum(s => s.Term.Weight * (1 - s.Value) * (1 - presence.Present.GetValueOrDefault(s.Term))) / total;
        evidence.Add(new Evidence("absent_share", absentShare, Detail: "weighted share of the question the readings have nowhere"));

        // Names and numbers are what a question is about: only they themselves answer for them, and together, in
        // one sentence or in sentences that follow each other (one part of the question at a time). Scattered over
        // the readings ("Why did <the minister of 2007> visit in 1999?") they make a claim the readings do not.
        var scattered = Scattered(question, selection).Where(t => unsupported.All(u => !ReferenceEquals(u.Term, t))).ToList();
        if (scattered.Count > 0)
        {
            evidence.Add(new Evidence("names_together", 0, 1, $"{string.Join(", ", scattered.Select(t => $"“{t.Surface}”"))} not in the same passage as the question's other names"));
            best = Focus(question, selection) ?? best;
        }

        var missingExact = unsupported.Where(s => s.Term.Kind is TermKind.Name or TermKind.Number)
            .Concat(scattered.Select(t => new TermSupport(t, 0, SupportKind.None)))
            .ToList();
        if (missingExact.Count > 0)
        {
            var absentExact = missingExact.Where(s => absent.Contains(s.Term)).Select(s => s.Term).ToList();
            var numbers = missingExact.Where(s => s.Term.Kind == TermKind.Number).Select(s => s.Term).ToList();
            var rest = CoverageWithout(selection.Joint, missingExact.Select(s => s.Term));
            if (numbers.Count == missingExact.Count && rest >= thresholds.PremiseCoverage && numbers.All(n => HasOtherNumber(best, n)))
            {
                // "Why did the deal fall through in 2010?" when the sentence that says the rest gives another year.
                evidence.Add(new Evidence("coverage_without_numbers", rest, thresholds.PremiseCoverage, "the rest of the question matches a sentence that gives another number"));
                return new Verdict(DeclineReasons.FalsePremise, evidence, numbers, best);
            }

            return absentExact.Count > 0
                ? new Verdict(DeclineReasons.AbsentSubject, evidence, absentExact)
                : new Verdict(DeclineReasons.UnsupportedTerms, evidence, missingExact.Select(s => s.Term).ToList());
        }

        // "Why did <a minister> visit <a city> in 1999?" where the sentences that name the minister date what they
        // say to 2003, and 1999 stands beside someone else: the year belongs to another event.
        if (AsksAbout(question) && DatedOtherwise(question, selection) is { } dated)
        {
            evidence.Add(new Evidence("dated_otherwise", 0, 1,
                $"the sentences with the question's names give {string.Join(", ", dated.Said)}, not “{dated.Year.Surface}”"));
            return new Verdict(DeclineReasons.FalsePremise, evidence, [dated.Year], dated.Sentence);
        }

        // "Why did the share go up from 56 to 72 per cent?" where the sentence says it fell "from 72 per cent to 56 per
        // cent": the same two numbers the other way round.
        if (ReversedRange(question.Question, selection) is { } turned)
        {
            evidence.Add(new Evidence("reversed_range", 0, 1, "the sentence gives the question's “from … to …” the other way round"));
            return new Verdict(DeclineReasons.FalsePremise, evidence, question.Terms.Where(t => t.Kind == TermKind.Number).ToList(), turned);
        }

        // "Why did the north line end at Lisbon and the south line at Porto?" where the sentence says the north line
        // ended at Porto and the south line at Lisbon: the same pairs, crossed.
        if (CrossedPairs(question, selection) is { } crossed)
        {
            evidence.Add(new Evidence("crossed_pairs", 0, 1, $"the sentence pairs “{crossed.First.Surface}” and “{crossed.Second.Surface}” the other way round"));
            return new Verdict(DeclineReasons.FalsePremise, evidence, [crossed.First, crossed.Second], crossed.Sentence);
        }

        // "What does the paper say about <a subject>?": the question is its subject, so a word of it the readings
        // never use, nor anything of its meaning, is a subject they do not cover ("nuclear" power plants).
        var untouched = absent.Where(t => t.Kind == TermKind.Content).ToList();
        if (untouched.Count > 0 && AsksWhatAReadingSays(question))
        {
            evidence.Add(new Evidence("subject_not_in_readings", untouched.Count, 0, $"asks what the reading says about {string.Join(", ", untouched.Select(t => $"“{t.Surface}”"))}, which it never mentions"));
            return new Verdict(DeclineReasons.AbsentSubject, evidence, untouched);
        }

        if (presentShare < thresholds.OffTopicPresence)
        {
            return new Verdict(DeclineReasons.OffTopic, evidence, absent);
        }

        var reversed = unsupported.Where(s => s.Opposite || s.Term.IsReversal).ToList();
        if (reversed.Count > 0)
        {
            var rest = CoverageWithout(selection.Joint, reversed.Select(s => s.Term));
            if (rest >= thresholds.PremiseCoverage)
            {
                evidence.Add(new Evidence("coverage_without_reversal", rest, thresholds.PremiseCoverage, "the sentence says the rest, the other way round"));
                return new Verdict(DeclineReasons.FalsePremise, evidence, reversed.Select(s => s.Term).ToList(), best);
            }
        }

        // "Why are <the groups> based in southern <a country>?" where the one sentence that says the rest says
        // "northern", and "southern" is found only in a sentence about something else: the question turns that sentence round.
        SentenceEvidence? roundSentence = null;
        List<QuestionTerm> roundTerms = [];
        var roundRest = 0.0;
        foreach (var sentence in selection.Sentences)
        {
            var opposed = sentence.Support.Where(x => x.Opposite && x.Term.Kind == TermKind.Content).Select(x => x.Term).ToList();
            var rest = opposed.Count == 0 ? 0 : CoverageWithout(sentence.Support, opposed);
            if (opposed.Count > 0 && rest >= thresholds.PremiseCoverage && rest > roundRest)
            {
                (roundSentence, roundTerms, roundRest) = (sentence, opposed, rest);
            }
        }

        if (roundSentence is not null)
        {
            evidence.Add(new Evidence("coverage_without_reversal", roundRest, thresholds.PremiseCoverage, "one sentence says the rest, the other way round"));
            return new Verdict(DeclineReasons.FalsePremise, evidence, roundTerms, roundSentence);
        }

        // "Why did the committee endorse the theory?" when the sentence says it "did not support" it: a question
        // that takes for granted what the reading denies rests on a false premise.
        if (question.Presupposes && !QuestionAnalyzer.Tokenize(question.Question).Any(t => Negations.Contains(t.Lower))
            && DeniedWord(best) is { } denied)
        {
            evidence.Add(new Evidence("denied", 1, Detail: $"the sentence that says the rest denies “{denied}”"));
            return new Verdict(DeclineReasons.FalsePremise, evidence, selection.Joint.Where(j => j.By == denied || j.By?.StartsWith(denied + " ", StringComparison.Ordinal) == true).Select(j => j.Term).ToList(), best);
        }

        // "In what year was <a person> born?" answered by a sentence that names the person and gives a year for
        // something else, or "Which political party did <a person> lead?" by one that names the person: a question
        // asks of its names what its ordinary words say; when not one of them is accounted for, the sentence gives the
        // names and something else. A follow-up's event may be the last question's, said in the last answer's passage.
        if (carried is not { Count: > 0 } && Unrelated(question, selection) is { Count: > 0 } predicate)
        {
            evidence.Add(new Evidence("event_said", 0, 1, $"asks what {string.Join(", ", predicate.Select(t => $"“{t.Surface}”"))} say of its names; the cited sentences give the names, not that"));
            return new Verdict(absent.Count > 0 ? DeclineReasons.AbsentSubject : DeclineReasons.UnsupportedTerms, evidence, predicate);
        }

        var heaviest = unsupported.Count == 0 || total <= 0 ? 0 : unsupported[0].Term.Weight / total;
        var maxShare = thresholds.MaxUnsupportedShareFor(question);
        evidence.Add(new Evidence("heaviest_unsupported_share", heaviest, maxShare, unsupported.Count == 0 ? null : $"“{unsupported[0].Term.Surface}”"));

        // What a question asks is said in one place: each part of it must be accounted for by one run of sentences
        // that follow each other, not by words gathered from sentences about other things ("What year did <a
        // queen> die?" from a sentence where she did not attend and another where someone else died). The run may
        // leave out what the question may leave out anywhere: less when it takes its event for granted ("How did <a
        // country> support <an exercise>?" from a sentence about the exercise and another about support elsewhere).
        var runs = Runs(selection.Sentences).ToList();
        if (coverage >= thresholds.MinCoverage && heaviest <= maxShare && runs.Count > 1)
        {
            var focused = InOnePassage(question, selection, runs, carried);
            var apart = focused.Where(s => s.Value < 0.5).OrderByDescending(s => s.Term.Weight).ToList();
            // Measured against what the passage must say: the kind of fact asked for ("year"), found, is the answer's, not the passage's claim.
            var said = total - focused.Where(s => s.Term.Asks != Language.AnswerType.Other && s.Value >= 0.5).Sum(s => s.Term.Weight);
            var heaviestApart = apart.Count == 0 || said <= 0 ? 0 : apart[0].Term.Weight / said;
            evidence.Add(new Evidence("heaviest_unsupported_in_one_passage", heaviestApart, thresholds.MaxUnsupportedShare,
                apart.Count == 0 ? "per part of the question, the run of consecutive cited sentences that says most of it" : $"“{apart[0].Term.Surface}” is said elsewhere"));
            if (heaviestApart > maxShare)
            {
                return new Verdict(DeclineReasons.UnsupportedTerms, evidence, apart.Select(a => a.Term).ToList());
            }
        }

        if (coverage < thresholds.MinCoverage || heaviest > maxShare)
        {
            var named = unsupported.Select(s => s.Term).ToList();
            return absent.Count > 0
                ? new Verdict(DeclineReasons.AbsentSubject, evidence, absent)
                : new Verdict(DeclineReasons.UnsupportedTerms, evidence, named);
        }

        if (best.Similarity < thresholds.RelevanceFloor)
        {
            return new Verdict(DeclineReasons.NoPassage, evidence, []);
        }

        // "When did <a president> first take office?" answered by a sentence about the president that gives no date:
        // a question that opens by asking for a date, a number, a length of time or how often is answered only by
        // sentences that give one (a date may be told relative to another event: "an hour before the collision").
        // The fact must stand where the question is said: in a run of consecutive cited sentences that accounts for
        // most of what the cited sentences account for, not in a sentence about something else ("How many soldiers
        // died in <an attack>?" from a sentence that counts fighters elsewhere).
        if (QuestionAnalyzer.ExplicitFact(question.Question) is { } asked)
        {
            // Words a follow-up carried from the last question were said in the last answer's passage.
            var own = question.Terms.Where(t => carried?.Contains(t) != true).ToList();
            // "How much did it cost?" asks for a sum of money: a length or a count is no answer to it.
            var money = asked.Type == Language.AnswerType.Amount && Language.FactRecognisers.AsksForMoney(question.Question);
            var giving = runs.Where(run => run.Any(s => Gives(asked, s.Sentence.Sentence.Text) && (!money || Language.FactRecognisers.GivesMoney(s.Sentence.Sentence.Text))))
                .Select(run => SentenceSelector.Coverage(SentenceSelector.Joint(own, run)))
                .DefaultIfEmpty(-1)
                .Max();
            var said = SentenceSelector.Coverage(selection.Joint.Where(j => carried?.Contains(j.Term) != true).ToList());
            var share = said <= 0 ? 0 : Math.Min(1, Math.Max(giving, 0) / said);
            if (giving < 0 || share < thresholds.FactRunShare)
            {
                evidence.Add(new Evidence("fact_asked", share, thresholds.FactRunShare, giving < 0
                    ? $"asks for {(money ? "a sum of money" : KindOfFact(asked.Type))}; no cited sentence gives one"
                    : $"asks for {KindOfFact(asked.Type)}; the sentences that give one say too little of the question"));
                return new Verdict(DeclineReasons.NotStated, evidence, []);
            }
        }

        // "What is the population of <a city> today?" answered by a sentence about the city in 1851: a question about
        // the present is answered only by sentences that speak of theirs ("currently", "today", "now").
        if (AsksAboutNow().IsMatch(question.Question) && !selection.Sentences.Any(s => SpeaksOfNow().IsMatch(s.Sentence.Sentence.Text)))
        {
            evidence.Add(new Evidence("present_asked", 0, 1, "asks how things stand now; no cited sentence speaks of the present"));
            return new Verdict(DeclineReasons.NotStated, evidence, []);
        }

        return new Verdict(null, evidence, []);
    }

    /// <summary>
    /// For a question that names something, its ordinary words (not names, numbers or words of the asking) when the
    /// cited sentences account for the names and none of them; empty otherwise.
    /// </summary>
    internal static IReadOnlyList<QuestionTerm> Unrelated(QuestionAnalysis question, Selection selection)
    {
        var said = selection.Joint.Where(j => j.Term.Asks == Language.AnswerType.Other).ToList();
        var ordinary = said.Where(j => j.Term.Kind == TermKind.Content).ToList();
        return ordinary.Count > 0 && ordinary.All(j => j.Value < 0.5) && said.Any(j => j.Term.Kind is TermKind.Name or TermKind.Number && j.Value >= 0.5)
            ? ordinary.Select(j => j.Term).ToList()
            : [];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(today|todays|today's|nowadays|currently|these days|at present|right now|present[- ]day|as of (now|today)|(the )?current(ly)?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AsksAboutNow();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(today|nowadays|currently|current|these days|at present|presently|now|present|still|ongoing|continues|remains|is|are|has|have)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SpeaksOfNow();

    /// <summary>How near a word must stand to the name it pairs with, in the question and in the sentence.</summary>
    private const int PairWindow = 3;

    /// <summary>
    /// Two names the question pairs each with a word ("the north line … Lisbon, the south line … Porto") where a chosen
    /// sentence has the same two words and names paired the other way ("the north line … Porto, the south line …
    /// Lisbon"): the names, and the sentence. Null when no sentence crosses them.
    /// </summary>
    public static (QuestionTerm First, QuestionTerm Second, SentenceEvidence Sentence)? CrossedPairs(QuestionAnalysis question, Selection selection)
    {
        var asked = Keys(question.Question);
        var names = question.Terms.Where(t => t.Kind == TermKind.Name && At(asked, t) >= 0).OrderBy(t => At(asked, t)).ToList();
        var words = question.Terms.Where(t => t.Kind == TermKind.Content && At(asked, t) >= 0).ToList();
        if (names.Count < 2 || words.Count < 2)
        {
            return null;
        }

        foreach (var sentence in selection.Sentences)
        {
            var said = Keys(sentence.Sentence.Text);
            for (var i = 0; i < names.Count; i++)
            {
                for (var j = i + 1; j < names.Count; j++)
                {
                    var (a, b) = (names[i], names[j]);
                    int qa = At(asked, a), qb = At(asked, b), sa = At(said, a), sb = At(said, b);
                    if (sa < 0 || sb < 0 || sb > sa)
                    {
                        continue; // both in the sentence, and in the other order
                    }

                    // X before the first name and Y between the names, in the question; in the sentence X before the
                    // second name and Y between it and the first.
                    var x = words.FirstOrDefault(w => Before(asked, w, qa, 0) && Before(said, w, sb, 0));
                    var y = words.FirstOrDefault(w => !ReferenceEquals(w, x) && Before(asked, w, qb, qa) && Before(said, w, sa, sb));
                    if (x is not null && y is not null)
                    {
                        return (a, b, sentence);
                    }
                }
            }
        }

        return null;

        // Each word as written (lower case) and as stemmed: a name is its word, another word its stem.
        static List<(string Lower, string Stem)> Keys(string text) =>
            QuestionAnalyzer.Tokenize(text).Select(t => (t.Lower, Knowledge.Lexical.Bm25Encoder.AnalyzeWord(t.Value).FirstOrDefault() ?? string.Empty)).ToList();

        static int At(List<(string Lower, string Stem)> keys, QuestionTerm term) => keys.FindIndex(k => k.Lower == term.Term || k.Stem == term.Term);

        static bool Before(List<(string Lower, string Stem)> keys, QuestionTerm term, int at, int after)
        {
            var from = Math.Max(after, at - PairWindow);
            return from < at && At(keys.GetRange(from, at - from), term) >= 0;
        }
    }

    /// <summary>The chosen sentence that gives the question's range "from A to B" as "from B to A", or null.</summary>
    public static SentenceEvidence? ReversedRange(string question, Selection selection)
    {
        var asked = FromTo().Matches(question).Select(m => (From: Number(m.Groups["from"].Value), To: Number(m.Groups["to"].Value))).Where(r => r.From != r.To).ToList();
        if (asked.Count == 0)
        {
            return null;
        }

        return selection.Sentences.FirstOrDefault(s => FromTo().Matches(s.Sentence.Sentence.Text)
            .Any(m => asked.Any(r => Number(m.Groups["from"].Value) == r.To && Number(m.Groups["to"].Value) == r.From)));

        static string Number(string value) => value.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('.');
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bfrom\s+(about\s+|around\s+)?[$€£]?\s?(?<from>\d[\d,.]*)\s*(%|per ?cent|percent|\w+)?\s+(to|into)\s+(about\s+|around\s+)?[$€£]?\s?(?<to>\d[\d,.]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FromTo();

    /// <summary>Whether a sentence gives the kind of fact a question plainly asks for.</summary>
    public static bool Gives((Language.AnswerType Type, bool OrDate) asked, string sentence) => asked.Type switch
    {
        Language.AnswerType.Date => Language.FactRecognisers.Carries(Language.AnswerType.Date, sentence) || Language.FactRecognisers.RelativeTime().IsMatch(sentence),
        Language.AnswerType.Amount => Language.FactRecognisers.GivesQuantity(sentence),
        _ => Language.FactRecognisers.Carries(asked.Type, sentence) || asked.OrDate && Language.FactRecognisers.Carries(Language.AnswerType.Date, sentence),
    };

    /// <summary>The kind of fact, as a decline names it: "a date", "a number".</summary>
    public static string KindOfFact(Language.AnswerType type) => type switch
    {
        Language.AnswerType.Date => "a date",
        Language.AnswerType.Measure => "a length, distance or duration",
        Language.AnswerType.Frequency => "how often it happens",
        _ => "a number",
    };

    /// <summary>
    /// The names and numbers of each part of the question that no run of consecutive chosen sentences holds together
    /// with the rest of that part's names and numbers (those of the run that holds most of them): a year, an amount
    /// or a person belongs to what it is said of. What a reading is about throughout (its topical names) may stand
    /// anywhere.
    /// </summary>
    private static IEnumerable<QuestionTerm> Scattered(QuestionAnalysis question, Selection selection)
    {
        foreach (var part in question.Terms.Where(t => t.Kind is TermKind.Name && !t.Topical || t.Kind is TermKind.Number).GroupBy(t => t.Part))
        {
            var focus = part.ToList();
            if (focus.Count < 2)
            {
                continue;
            }

            var best = Runs(selection.Sentences)
                .Select(run => focus.Where(t => run.Any(s => Support(s, t) >= 0.5)).ToList())
                .MaxBy(covered => covered.Sum(t => t.Weight)) ?? [];
            foreach (var term in focus.Where(t => !best.Contains(t)))
            {
                yield return term;
            }
        }
    }

    /// <summary>
    /// For each part of the question, its words' support by the run of sentences that accounts for most of them. A
    /// name of several words counts as the run has one of them and the chosen sentences all: a run that says "the
    /// company" goes on about "the <Name> <Name> Company" another chosen sentence names in full.
    /// </summary>
    private static List<TermSupport> InOnePassage(QuestionAnalysis question, Selection selection, IReadOnlyList<List<SentenceEvidence>> runs, IReadOnlySet<QuestionTerm>? carried)
    {
        var supports = new List<TermSupport>();
        var names = NameGroups(question);
        foreach (var part in question.Terms.GroupBy(t => t.Part))
        {
            var terms = part.Where(t => carried?.Contains(t) != true).ToList();
            supports.AddRange(selection.Joint.Where(j => j.Term.Part == part.Key && carried?.Contains(j.Term) == true));
            // The run that says most of the part (measured on the dev split against the run that leaves least out:
            // that one answers more that should be declined).
            supports.AddRange(runs.Select(run => WithWholeNames(SentenceSelector.Joint(terms, run), names, selection))
                .OrderByDescending(SentenceSelector.Coverage)
                .First());
        }

        return supports;
    }

    /// <summary>A run's support, with each name of several words it has one word of supported as the chosen sentences support it.</summary>
    private static List<TermSupport> WithWholeNames(IReadOnlyList<TermSupport> run, List<HashSet<QuestionTerm>> names, Selection selection)
    {
        var supports = run.ToList();
        foreach (var name in names)
        {
            var everywhere = selection.Joint.Where(j => name.Contains(j.Term)).ToList();
            if (supports.Any(b => name.Contains(b.Term) && b.Value >= 0.5) && everywhere.Count == name.Count && everywhere.All(j => j.Value >= 0.5))
            {
                supports = supports.Select(b => name.Contains(b.Term) ? everywhere.First(j => ReferenceEquals(j.Term, b.Term)) : b).ToList();
            }
        }

        return supports;
    }

    /// <summary>The question's names of several words ("the <Name> <Name> Company"), each as its terms: capitalised words with only spaces between them.</summary>
    internal static List<HashSet<QuestionTerm>> NameGroups(QuestionAnalysis question)
    {
        var groups = new List<HashSet<QuestionTerm>>();
        var current = new HashSet<QuestionTerm>(ReferenceEqualityComparer.Instance);
        var end = -1;
        foreach (var token in QuestionAnalyzer.Tokenize(question.Question))
        {
            var terms = question.Terms.Where(t => t.Kind == TermKind.Name && t.Surface == token.Value).ToList();
            var joined = end >= 0 && token.Index >= end && question.Question.AsSpan(end, token.Index - end).IsWhiteSpace();
            if (terms.Count == 0 || !joined)
            {
                if (current.Count >= 2)
                {
                    groups.Add(current);
                }

                current = new HashSet<QuestionTerm>(ReferenceEqualityComparer.Instance);
            }

            current.UnionWith(terms);
            // A possessive ends a name: "<Name>'s <Name> Street" is two.
            var possessive = token.Value.EndsWith("'s", StringComparison.Ordinal) || token.Value.EndsWith("’s", StringComparison.Ordinal);
            end = terms.Count == 0 || possessive ? -1 : token.Index + token.Value.Length;
        }

        if (current.Count >= 2)
        {
            groups.Add(current);
        }

        return groups;
    }

    /// <summary>The sentence of the run of chosen sentences that holds most of the question's names and numbers.</summary>
    private static SentenceEvidence? Focus(QuestionAnalysis question, Selection selection)
    {
        var focus = question.Terms.Where(t => t.Kind is TermKind.Name or TermKind.Number).ToList();
        return selection.Sentences.MaxBy(s => focus.Where(t => Support(s, t) >= 0.5).Sum(t => t.Weight));
    }

    private static double Support(SentenceEvidence sentence, QuestionTerm term) =>
        sentence.Support.FirstOrDefault(x => ReferenceEquals(x.Term, term))?.Value ?? 0;

    /// <summary>The chosen sentences in runs that follow each other in one paragraph.</summary>
    private static IEnumerable<List<SentenceEvidence>> Runs(IReadOnlyList<SentenceEvidence> sentences)
    {
        var run = new List<SentenceEvidence>();
        foreach (var sentence in sentences.OrderBy(s => s.Index))
        {
            if (run.Count > 0 && !(sentence.Index == run[^1].Index + 1 && sentence.Sentence.Paragraph == run[^1].Sentence.Paragraph
                && sentence.Sentence.Section.Id == run[^1].Sentence.Section.Id && sentence.Sentence.DocumentId == run[^1].Sentence.DocumentId))
            {
                yield return run;
                run = [];
            }

            run.Add(sentence);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "neither", "nor", "without", "hardly", "n't", "isn't", "wasn't", "didn't", "doesn't", "don't",
        "weren't", "aren't", "cannot", "can't", "couldn't", "wouldn't", "won't", "hasn't", "haven't", "hadn't", "shouldn't", "mustn't",
    };

    /// <summary>
    /// The word of a sentence that supports one of the question's words and is denied right before it ("did not
    /// support", "never joined"), or null.
    /// </summary>
    private static string? DeniedWord(SentenceEvidence sentence)
    {
        var tokens = QuestionAnalyzer.Tokenize(sentence.Sentence.Text);
        if (NotOnly().IsMatch(sentence.Sentence.Text))
        {
            return null;
        }

        foreach (var support in sentence.Support.Where(s => s.Value > 0 && s.Kind is SupportKind.Exact or SupportKind.Meaning or SupportKind.Synonym && s.Term.Kind is not TermKind.Number))
        {
            var word = support.By?.Split(' ')[0];
            if (word is null)
            {
                continue;
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                // Exact support names a stem (or an irregular form as written), the others a word as written.
                var matches = tokens[i].Lower == word
                    || support.Kind == SupportKind.Exact && PaperBot.Knowledge.Lexical.Bm25Encoder.AnalyzeWord(tokens[i].Value).Contains(word);
                if (matches && Enumerable.Range(Math.Max(0, i - 3), i - Math.Max(0, i - 3)).Any(j => Negations.Contains(tokens[j].Lower)))
                {
                    return word;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the question asks what a reading says of a subject: "What does the paper say about …", "Does the article mention …".</summary>
    internal static bool AsksWhatAReadingSays(QuestionAnalysis question) => AsksWhatTheReadingSays().IsMatch(question.Question.TrimStart());

    /// <summary>A question about what a reading says of a subject: "What does the paper say about …", "Does the article mention …".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^((what|how) (does|do|did) ((the|this|that) (paper|reading|article|study|text|author|essay|book)s?|it|they) (say|write|tell|discuss|mention|cover|report|argue)s?\b.*\babout\b|(does|do|did|is|has) (the|this|that) (paper|reading|article|study|text|author|essay|book)s? (say anything about|mention|discuss|talk about|cover|touch on|address|deal with|refer to)\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AsksWhatTheReadingSays();

    /// <summary>Whether the question asks about something it names ("What happened …", "Why did …"), not whether it is so ("Did …").</summary>
    private static bool AsksAbout(QuestionAnalysis question) =>
        question.Presupposes || WhQuestion().IsMatch(question.Question.TrimStart());

    [System.Text.RegularExpressions.GeneratedRegex(@"^(what|which|who|whom|whose|when|where|why|how)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WhQuestion();

    /// <summary>
    /// The question's one year, when every chosen sentence that has all of its names (those not about the reading
    /// throughout) gives a year of its own and none gives or spans that one: those sentences date what they say to
    /// another time. Null when a sentence with the names gives no year (the year may be its neighbour's) or the
    /// question has no year or no such name.
    /// </summary>
    private static (QuestionTerm Year, IReadOnlyList<string> Said, SentenceEvidence Sentence)? DatedOtherwise(QuestionAnalysis question, Selection selection)
    {
        var years = question.Terms.Where(t => t.Kind == TermKind.Number && t.Term.Length == 4 && int.TryParse(t.Term, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1000 and < 2100).ToList();
        var names = question.Terms.Where(t => t.Kind == TermKind.Name && !t.Topical && t.InReadings).ToList();
        if (years.Count != 1 || names.Count == 0)
        {
            return null;
        }

        var year = int.Parse(years[0].Term, System.Globalization.CultureInfo.InvariantCulture);
        var naming = selection.Sentences.Where(s => names.All(n => Support(s, n) >= 0.5)).ToList();
        var spans = naming.Select(s => Language.FactRecognisers.YearSpans(s.Sentence.Text).ToList()).ToList();
        if (naming.Count == 0 || spans.Any(s => s.Count == 0 || s.Any(y => y.From <= year && year <= y.To)))
        {
            return null;
        }

        var said = spans.SelectMany(s => s).Select(y => y.From == y.To ? $"{y.From}" : $"{y.From}–{y.To}").Distinct().ToList();
        return (years[0], said, naming.MaxBy(s => s.Score)!);
    }

    /// <summary>Whether the sentence gives a number of the same kind (a year for a year, an amount for an amount) instead.</summary>
    private static bool HasOtherNumber(SentenceEvidence sentence, QuestionTerm number)
    {
        if (Language.FactRecognisers.Ordinals.TryGetValue(number.Term, out var place))
        {
            return Language.FactRecognisers.OrdinalsOf(sentence.Sentence.Text).Any(p => p != place); // "the third" where the question has "the first"
        }

        var isYear = number.Term.Length == 4 && number.Term.All(char.IsDigit) && number.Term[0] is '1' or '2';
        var type = isYear ? Language.AnswerType.Date : Language.AnswerType.Amount;
        return Language.FactRecognisers.Carries(type, sentence.Sentence.Text);
    }

    private static double CoverageWithout(IReadOnlyList<TermSupport> joint, IEnumerable<QuestionTerm> without)
    {
        var excluded = without.ToHashSet();
        return SentenceSelector.Coverage(joint.Where(s => !excluded.Contains(s.Term)).ToList());
    }
}
