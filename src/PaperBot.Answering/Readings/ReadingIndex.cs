using System.Text.RegularExpressions;
using PaperBot.Answering.Language;
using PaperBot.Knowledge.Documents;
using PaperBot.Knowledge.Lexical;
using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Readings;

/// <summary>
/// What the answering core knows about the loaded readings, worked out once per knowledge base: how rare each
/// term is, how often each word is printed, the names of people they introduce, the other names the instructor
/// gave things (aliases, from the readings' sidecars), each reading's parts (abstract, introduction, conclusion)
/// and its title. Everything here comes from the readings; nothing is written for one of them.
/// </summary>
public sealed partial class ReadingIndex
{
    private readonly Dictionary<string, int> _wordCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namesMidSentence = new(StringComparer.Ordinal);
    private readonly string _foldedText;
    private readonly Dictionary<string, ReadingParts> _parts = new(StringComparer.Ordinal);
    private readonly bool[] _contentWord;
    private readonly HashSet<string> _topical = new(StringComparer.Ordinal);
    private readonly Dictionary<AnswerType, bool[]> _carries;
    private readonly Dictionary<string, int> _sentencesPerDocument;

    public ReadingIndex(KnowledgeBase knowledge)
    {
        Knowledge = knowledge;
        var texts = knowledge.AllSentences().Select(s => s.Text)
            .Concat(knowledge.Documents.SelectMany(d => d.Sections).Select(s => s.Title))
            .ToList();
        foreach (var word in texts.SelectMany(WordIndex.Split))
        {
            _wordCounts[word] = _wordCounts.GetValueOrDefault(word) + 1;
        }

        // A word is a name when the readings capitalise it inside sentences more often than not ("In" after a comma
        // once is still the word "in").
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in knowledge.AllSentences())
        {
            foreach (Match word in CapitalisedWord().Matches(sentence.Text))
            {
                var key = word.Value.ToLowerInvariant();
                var counts = word.Index > 0 && char.IsUpper(word.Value[0]) ? capitalised : char.IsLower(word.Value[0]) ? lower : null;
                if (counts is not null)
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        foreach (var (word, count) in capitalised)
        {
            if (count >= lower.GetValueOrDefault(word))
            {
                _namesMidSentence.Add(word);
            }
        }

        _foldedText = " " + Normalise(string.Join(" ", texts)) + " ";
        _wordStarts = WordStarts(_foldedText);
        PersonNames = texts.SelectMany(FactRecognisers.PersonNames).ToHashSet(StringComparer.Ordinal);
        Aliases = knowledge.Documents
            .SelectMany(d => d.Metadata.Aliases)
            .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
        AliasTerms = Aliases.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)Bm25Encoder.Analyze(p.Value), StringComparer.OrdinalIgnoreCase);
        MaxIdf = Idf(0);
        _carries = new Dictionary<AnswerType, bool[]>();
        var all = knowledge.AllSentences();
        foreach (var type in Enum.GetValues<AnswerType>().Where(t => t != AnswerType.Other))
        {
            _carries[type] = all.Select(s => FactRecognisers.Carries(type, s.Text, PersonNames)).ToArray();
        }

        _sentencesPerDocument = knowledge.AllSentences().GroupBy(s => s.DocumentId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _contentWord = new bool[knowledge.Words.Count];
        for (var id = 0; id < knowledge.Words.Count; id++)
        {
            var word = knowledge.Words.WordOf(id);
            _contentWord[id] = !EnglishLexicon.IsFrame(word) && !EnglishLexicon.IsLight(word);
        }

        foreach (var document in knowledge.Documents)
        {
            _parts[document.Id] = ReadingParts.Of(document);
            // A reading's topic is set where it frames itself: its abstract, or the opening paragraph of its introduction.
            var frame = _parts[document.Id].Abstract?.Paragraphs ?? _parts[document.Id].Introduction?.Paragraphs.Take(1) ?? [];
            var framing = frame.Select(p => p.Text).Append(document.Metadata.Title ?? string.Empty);
            _topical.UnionWith(framing.SelectMany(Bm25Encoder.Analyze));
            _titleTerms[document.Id] = Bm25Encoder.Analyze(document.Metadata.Title ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        }
    }

    private readonly Dictionary<string, HashSet<string>> _titleTerms = new(StringComparer.Ordinal);

    /// <summary>Whether a reading's title (as its details give it, not a name made from its file) has the analysed term: every sentence of "… London's Main Drainage" is about London.</summary>
    public bool InTitleOf(string documentId, string analysedTerm) => _titleTerms.TryGetValue(documentId, out var terms) && terms.Contains(analysedTerm);

    public KnowledgeBase Knowledge { get; }

    /// <summary>Names the readings introduce with a title ("President …"): a sentence naming one names a person.</summary>
    public IReadOnlySet<string> PersonNames { get; }

    /// <summary>Other names for things the readings name (from the readings' sidecars), case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>The analysed terms of each alias's target.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AliasTerms { get; }

    /// <summary>
    /// A word's nearest words among the readings' content words (by centred cosine), worked out once per word and
    /// remembered (up to a bound): a question word costs a scan of the vocabulary the first time it is asked, not every time.
    /// </summary>
    public IReadOnlyDictionary<int, double> Neighbours(string word, float[] vector, int count)
    {
        if (_neighbours.TryGetValue((word, count), out var known))
        {
            return known;
        }

        var nearest = Knowledge.Words.Nearest(vector, count, id => IsContentWord(id) && Knowledge.Words.WordOf(id) != word)
            .ToDictionary(n => n.Id, n => n.Similarity);
        if (_neighbours.Count > 50_000)
        {
            _neighbours.Clear();
        }

        _neighbours[(word, count)] = nearest;
        return nearest;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), IReadOnlyDictionary<int, double>> _neighbours = new();

    /// <summary>Whether the sentence at an index of the readings carries the kind of fact (worked out once per sentence).</summary>
    public bool Carries(int sentenceIndex, AnswerType type) => type != AnswerType.Other && _carries[type][sentenceIndex];

    /// <summary>Whether a term is what a reading is about throughout: in a title or an abstract, or in one sentence in ten.</summary>
    public bool IsTopical(string analysedTerm) =>
        _topical.Contains(analysedTerm)
        || Knowledge.SentencesWithTerm(analysedTerm)
            .GroupBy(i => Knowledge.AllSentences()[i].DocumentId)
            .Any(g => g.Count() >= Math.Max(2, _sentencesPerDocument[g.Key] / 10));

    /// <summary>Whether a word of the word index names something (not a word of asking or relating): only these support by meaning.</summary>
    public bool IsContentWord(int wordId) => _contentWord[wordId];

    /// <summary>The weight of a term the readings never use.</summary>
    public double MaxIdf { get; }

    public IReadOnlyList<PaperDocument> Documents => Knowledge.Documents;

    /// <summary>Inverse sentence frequency of an analysed term.</summary>
    public double Idf(string analysedTerm) => Idf(Knowledge.SentencesWithTerm(analysedTerm).Count);

    private double Idf(int frequency) => Math.Log(1 + ((Knowledge.SentenceCount + 1.0) / (frequency + 0.5)));

    public bool HasTerm(string analysedTerm) => Knowledge.HasTerm(analysedTerm);

    /// <summary>Whether the readings print a lower-case word (as a whole word).</summary>
    public bool HasWord(string word) => _wordCounts.ContainsKey(word);

    public int WordCount(string word) => _wordCounts.GetValueOrDefault(word);

    /// <summary>Whether the readings capitalise the word inside a sentence somewhere (so it is a name, not an ordinary word).</summary>
    public bool CapitalisesMidSentence(string word) => _namesMidSentence.Contains(word);

    public IEnumerable<string> AllWords => _wordCounts.Keys;

    /// <summary>
    /// The readings' words whose length is within a range (what a typo may be read as): a look-up by length, so a
    /// course's larger vocabulary is not read word by word for every unknown question word.
    /// </summary>
    public IEnumerable<string> WordsOfLength(int shortest, int longest)
    {
        var byLength = _wordsByLength ??= _wordCounts.Keys.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToArray());
        for (var length = Math.Max(1, shortest); length <= longest; length++)
        {
            if (byLength.TryGetValue(length, out var words))
            {
                foreach (var word in words)
                {
                    yield return word;
                }
            }
        }
    }

    private Dictionary<int, string[]>? _wordsByLength;

    /// <summary>The words the readings join with hyphens, lower case ("mara-ul-voss"), each with how they first print it ("Mara-ul-Voss"): what a typo in such a word may be read as.</summary>
    public IReadOnlyDictionary<string, string> HyphenatedWords => _hyphenated ??= Knowledge.AllSentences().Select(s => s.Text)
        .SelectMany(t => HyphenatedWord().Matches(t).Select(m => m.Value))
        .GroupBy(w => w.ToLowerInvariant(), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private Dictionary<string, string>? _hyphenated;

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}+(?:-\p{L}+)+")]
    private static partial System.Text.RegularExpressions.Regex HyphenatedWord();

    /// <summary>The readings' titles, for help and decline texts: "*A*", "*A* and *B*".</summary>
    public string TitleList
    {
        get
        {
            var titles = Documents.Select(d => $"“{TitleOf(d)}”").ToList();
            return titles.Count <= 1 ? titles.FirstOrDefault() ?? "no reading" : $"{string.Join(", ", titles[..^1])} and {titles[^1]}";
        }
    }

    /// <summary>Questions to offer with help and declines, drawn from the readings' own structure.</summary>
    public IReadOnlyList<string> ExampleQuestions => _examples ??= Study.ExampleQuestions.From(this);

    private IReadOnlyList<string>? _examples;

    /// <summary>A reading's parts, found from its structure.</summary>
    public ReadingParts PartsOf(PaperDocument document) => _parts[document.Id];

    /// <summary>How the answer names a reading: its title when it has one, else its file name.</summary>
    public static string TitleOf(PaperDocument document) => document.Metadata.Title ?? document.DisplayName;

    /// <summary>
    /// Whether a word or phrase occurs in the readings as written (case, quotes and dashes folded; word boundaries;
    /// a plural "s" allowed after it). A look-up of where the phrase's first word starts in the readings, not a scan
    /// of their text, so its cost does not grow with the course.
    /// </summary>
    public bool ContainsPhrase(string phrase)
    {
        var folded = Normalise(phrase).Trim();
        if (folded.Length == 0)
        {
            return true;
        }

        var firstEnd = 0;
        while (firstEnd < folded.Length && char.IsLetterOrDigit(folded[firstEnd]))
        {
            firstEnd++;
        }

        if (firstEnd == 0)
        {
            return MatchesFrom(folded, 0, int.MaxValue);
        }

        var first = folded[..firstEnd];
        IEnumerable<int> starts = _wordStarts.TryGetValue(first, out var exact) ? exact : [];
        if (firstEnd == folded.Length)
        {
            // One word: it also matches as the stem of a longer word that goes on with "s" ("pipeline" in "pipelines").
            starts = starts.Concat(WordsStartingWith(first + "s").SelectMany(w => _wordStarts[w]));
        }

        return starts.Any(start => Matches(folded, start));
    }

    private bool Matches(string folded, int index)
    {
        if (index + folded.Length > _foldedText.Length || string.CompareOrdinal(_foldedText, index, folded, 0, folded.Length) != 0)
        {
            return false;
        }

        var before = _foldedText[index - 1];
        var afterIndex = index + folded.Length;
        var after = afterIndex < _foldedText.Length ? _foldedText[afterIndex] : ' ';
        return !char.IsLetterOrDigit(before) && (!char.IsLetterOrDigit(after) || after == 's');
    }

    /// <summary>The scan, for a phrase that starts with neither a letter nor a digit ("$5 billion", "%").</summary>
    private bool MatchesFrom(string folded, int from, int limit)
    {
        var index = from;
        var tries = 0;
        while ((index = _foldedText.IndexOf(folded, index, StringComparison.Ordinal)) >= 0 && tries++ < limit)
        {
            if (Matches(folded, index))
            {
                return true;
            }

            index++;
        }

        return false;
    }

    /// <summary>Where each word of the folded text starts.</summary>
    private static Dictionary<string, int[]> WordStarts(string text)
    {
        var starts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (!starts.TryGetValue(word, out var list))
            {
                starts[word] = list = [];
            }

            list.Add(start);
        }

        return starts.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private readonly Dictionary<string, int[]> _wordStarts;

    private string[]? _sortedWords;

    /// <summary>The readings' folded words that start with a prefix: a binary search of the sorted words.</summary>
    private IEnumerable<string> WordsStartingWith(string prefix)
    {
        var sorted = _sortedWords ??= _wordStarts.Keys.Order(StringComparer.Ordinal).ToArray();
        var index = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        for (var i = index < 0 ? ~index : index; i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return sorted[i];
        }
    }

    /// <summary>Lower case, typographic quotes and dashes folded, whitespace collapsed, "U.S." and "U.S" alike.</summary>
    public static string Normalise(string text) =>
        Spaces().Replace(TextCleaner.FoldForMatching(text).ToLowerInvariant().Replace("u.s.", "u.s", StringComparison.Ordinal), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<![\p{L}\-’'])\p{L}\p{Ll}+(?![\p{L}])")]
    private static partial Regex CapitalisedWord();
}

/// <summary>
/// The parts of a reading a question about the whole of it is answered from, found from its structure: the
/// abstract (a section so named, or the text before the first numbered section), the introduction (so named, or the
/// first numbered section), the conclusion (so named, or the last top-level section) and the top-level outline.
/// </summary>
public sealed partial record ReadingParts(Section? Abstract, Section? Introduction, Section? Conclusion, IReadOnlyList<Section> Outline)
{
    public static ReadingParts Of(PaperDocument document)
    {
        var top = document.TopLevel.ToList();
        var abstractSection = top.FirstOrDefault(s => AbstractTitle().IsMatch(s.Title) || s.Id.Equals("abstract", StringComparison.OrdinalIgnoreCase));
        var body = top.Where(s => s != abstractSection && !BackMatter().IsMatch(s.Title)).ToList();
        var introduction = body.FirstOrDefault(s => IntroductionTitle().IsMatch(s.Title)) ?? body.FirstOrDefault();
        var conclusion = body.LastOrDefault(s => ConclusionTitle().IsMatch(s.Title))
            ?? (body.Count >= 3 ? body[^1] : null);
        return new ReadingParts(abstractSection, introduction, conclusion == introduction ? null : conclusion, top);
    }

    /// <summary>Whether a heading names back matter (references, notes, acknowledgements, an appendix) rather than the argument.</summary>
    public static bool IsBackMatter(string title) => BackMatter().IsMatch(title);

    [GeneratedRegex(@"^(abstract|summary|synopsis|overview|executive summary)$", RegexOptions.IgnoreCase)]
    private static partial Regex AbstractTitle();

    [GeneratedRegex(@"\bintroduction\b|^background$|^preface$", RegexOptions.IgnoreCase)]
    private static partial Regex IntroductionTitle();

    [GeneratedRegex(@"\bconclu\w*|\bconcluding\b|\bsumming up\b|\bfinal (remarks|thoughts)\b|\bsummary and\b|\bdiscussion and conclusions?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConclusionTitle();

    [GeneratedRegex(@"^(references|bibliography|notes|endnotes|acknowledge?ments?|appendix\b.*|works cited|sources)$", RegexOptions.IgnoreCase)]
    private static partial Regex BackMatter();
}
