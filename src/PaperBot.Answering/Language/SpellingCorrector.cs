using PaperBot.Knowledge.Embeddings;

namespace PaperBot.Answering.Language;

/// <summary>A question word read as another: a typo or a spelling variant of a word of the readings.</summary>
public sealed record SpellingCorrection(string Typed, string ReadAs);

/// <summary>
/// Reads a question word that the readings do not print as the readings' word it was meant to be: its British or
/// American spelling ("defense" for the reading's "defence"), or, when it is no word of the language at all, the
/// readings' word one edit away (two for long words): "harbuor" as "harbour", "Vosz" as "Voss". A real word
/// the readings lack ("currency") is never changed: the readings simply do not speak of it.
/// </summary>
public static class SpellingCorrector
{
    /// <summary>British and American endings and spellings, both ways: (one, other).</summary>
    private static readonly (string A, string B)[] VariantEndings =
    [
        ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourable", "orable"),
        ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("isation", "ization"), ("isations", "izations"),
        ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("ence", "ense"), ("ences", "enses"),
        ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ogues", "ogs"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
        ("mme", "m"), ("mmes", "ms"), ("ae", "e"),
    ];

    private static readonly (string A, string B)[] VariantInfixes = [("oeu", "eu"), ("oe", "e"), ("ae", "e")];

    /// <summary>The word the readings print for a typed word, or null when the typed word stands as it is.</summary>
    /// <param name="typed">The word as typed (any case).</param>
    /// <param name="readingWords">Whether a lower-case word is printed in the readings.</param>
    /// <param name="frequency">How often the readings print a word (to choose among equally close words).</param>
    /// <param name="candidates">The readings' words to compare with.</param>
    /// <param name="language">The words of the language, to tell a typo from a word.</param>
    public static string? Correct(
        string typed,
        Func<string, bool> readingWords,
        Func<string, int> frequency,
        IEnumerable<string> candidates,
        IWordList language)
    {
        var word = typed.ToLowerInvariant();
        if (word.Length < 4 || !word.All(char.IsLetter) || readingWords(word))
        {
            return null;
        }

        foreach (var variant in Variants(word))
        {
            if (readingWords(variant))
            {
                return variant;
            }
        }

        if (language.Contains(word))
        {
            return null;
        }

        // A word of the dictionary the model's list lacks ("pacts") is no typo either, unless it is the other
        // spelling of a reading's word, spelt apart by more than a variant ("maneuvering" for "manoeuvring").
        if (Synonyms.TryEnglish()?.IsWord(word) == true)
        {
            if (word.Length < 7)
            {
                return null;
            }

            var variants = Variants(word).ToList();
            return candidates.FirstOrDefault(c => c.Length >= 7 && c[0] == word[0] && variants.Any(v => Distance(v, c, 1) <= 1));
        }

        var limit = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = -1;
        var bestSlip = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // A letter typed twice, or once where the word doubles it ("staands", "apear"), is the commonest slip of
            // all, and is one at any length.
            var doubling = Doubling(word, candidate);
            // Two letters swapped is as common ("waht", "Shangahi"), and is read before a letter replaced ("watt").
            var swapped = Swapped(word, candidate);

            // A typo is read as a word with meaning of its own, or as a long word of the asking ("accordng" as
            // "according"), never as "that" or "with"; a word of the asking of five letters or more only for a letter
            // doubled or replaced ("wheere", "whikh").
            if (candidate.Length < 4 || EnglishLexicon.IsFrame(candidate) && candidate.Length < AskingWordLength
                && !(candidate.Length >= 4 && (doubling || swapped) || candidate.Length >= 5 && candidate.Length == word.Length && candidate[0] == word[0]))
            {
                continue;
            }

            // Short words change meaning with one letter more or less ("Imran" is no "Iran"): below seven letters
            // only a letter replaced or two swapped count, or, from five letters, one dropped inside the word
            // ("Suprme", "Rusia"), and the first letter stays.
            var shortWord = word.Length < 7;
            var dropped = word.Length >= 5 && candidate.Length == word.Length + 1 && candidate[^1] == word[^1];
            if (Math.Abs(candidate.Length - word.Length) > limit || shortWord && !doubling && (candidate.Length != word.Length && !dropped || candidate[0] != word[0]))
            {
                continue;
            }

            var distance = Distance(word, candidate, limit);
            if (distance > limit)
            {
                continue;
            }

            var count = frequency(candidate);
            var slip = doubling || swapped ? 0 : 1;
            if ((distance < bestDistance || distance == bestDistance && (slip < bestSlip || slip == bestSlip && count > bestFrequency)) && PaperBot.Knowledge.Lexical.Bm25Encoder.AnalyzeWord(candidate).Count > 0)
            {
                (best, bestDistance, bestSlip, bestFrequency) = (candidate, distance, slip, count);
            }
        }

        return best;
    }

    /// <summary>
    /// A typo of an English word the readings do not print ("envisoned" for "envisioned"): the one word of the
    /// language a letter away (added, dropped, replaced, or two swapped), the first letter kept. Null when the typed
    /// word is a word, is short (one letter turns a short word into many others), or is one letter from several.
    /// Read so, it can then be matched by meaning or as a synonym of what the readings say.
    /// </summary>
    public static string? CorrectToLanguage(string typed, IWordList language)
    {
        var word = typed.ToLowerInvariant();
        if (word.Length < 4 || !word.All(c => c is >= 'a' and <= 'z') || language.Contains(word) || Derived(word, language))
        {
            return null;
        }

        // A letter typed twice or once where the word doubles it ("apear", "oppen"): the one word so made.
        var undoubled = DoublingsOf(word).Where(c => c.Length >= 4 && language.Contains(c)).Distinct(StringComparer.Ordinal).Take(2).ToList();
        if (undoubled.Count == 1)
        {
            return undoubled[0];
        }

        if (word.Length < 6)
        {
            return null;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in OneEditAway(word))
        {
            if (candidate.Length >= 5 && candidate[0] == word[0] && language.Contains(candidate))
            {
                found.Add(candidate);
            }
        }

        // Several words a letter away that are one word's forms ("happend": "happened", "happens", "happen") are that
        // word: read as its longest form, the one the typist most likely meant to finish.
        return found.Count == 1 ? found.First()
            : found.Count > 1 && found.Select(f => Synonyms.Lemmas(f).ToHashSet(StringComparer.Ordinal)).Aggregate((a, b) => { a.IntersectWith(b); return a; }).Count > 0
                ? found.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).First()
                : null;
    }

    private static readonly string[] Suffixes = ["s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness", "ment", "ments", "ity", "al", "ism", "ist", "ists", "ful", "less"];

    /// <summary>
    /// Whether a word the model's list lacks is still made of words it has: two joined ("throughput", "wash-house"
    /// written solid), or a word with an ending ("reshuffled" of "reshuffle"). Such a word is rare, not misspelt.
    /// </summary>
    private static bool Derived(string word, IWordList language)
    {
        for (var i = 3; i <= word.Length - 3; i++)
        {
            if (language.Contains(word[..i]) && language.Contains(word[i..]))
            {
                return true;
            }
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                // A past in "-d" is made of a stem in "e" only ("priced"): "happend" is "happened" mistyped.
                if (suffix == "d" && stem[^1] != 'e')
                {
                    continue;
                }

                if (language.Contains(stem) || language.Contains(stem + "e") || stem.Length > 3 && stem[^1] == stem[^2] && language.Contains(stem[..^1]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether one word is the other with a letter of a doubled pair dropped ("staand" and "stand", "appear" and "apear").</summary>
    public static bool Doubling(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) != 1)
        {
            return false;
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        for (var i = 1; i < longer.Length; i++)
        {
            if (longer[i] == longer[i - 1] && string.CompareOrdinal(longer, 0, shorter, 0, i) == 0 && string.CompareOrdinal(longer, i + 1, shorter, i, shorter.Length - i) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one word is the other with two letters next to each other swapped ("waht" and "what").</summary>
    public static bool Swapped(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && string.CompareOrdinal(a, i + 2, b, i + 2, a.Length - i - 2) == 0;
    }

    /// <summary>The word with a doubled letter made single, or a letter doubled, one at a time.</summary>
    private static IEnumerable<string> DoublingsOf(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (i > 0 && word[i] == word[i - 1])
            {
                yield return word.Remove(i, 1);
            }
            else if (char.IsLetter(word[i]))
            {
                yield return word.Insert(i, word[i].ToString());
            }
        }
    }

    private static IEnumerable<string> OneEditAway(string word)
    {
        for (var i = 0; i <= word.Length; i++)
        {
            if (i < word.Length)
            {
                yield return word.Remove(i, 1);
                if (i + 1 < word.Length)
                {
                    yield return string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2));
                }
            }

            for (var c = 'a'; c <= 'z'; c++)
            {
                yield return word.Insert(i, c.ToString());
                if (i < word.Length && word[i] != c)
                {
                    yield return string.Concat(word.AsSpan(0, i), c.ToString(), word.AsSpan(i + 1));
                }
            }
        }
    }

    /// <summary>
    /// A word joined with hyphens that the readings do not print ("Mara-ul-Vass"), read as the one they print with a
    /// letter or two changed ("mara-ul-voss"): as many parts, the same first letter, and only one such word. Null when
    /// none or several fit.
    /// </summary>
    public static string? CorrectHyphenated(string typed, IEnumerable<string> hyphenated)
    {
        var word = typed.ToLowerInvariant();
        var parts = word.Split('-').Length;
        if (parts < 2 || word.Length < 6 || hyphenated.Contains(word, StringComparer.Ordinal) || !word.Replace("-", string.Empty, StringComparison.Ordinal).All(char.IsLetter))
        {
            return null;
        }

        var limit = word.Length >= 8 ? 2 : 1;
        var fits = hyphenated
            .Where(h => h[0] == word[0] && Math.Abs(h.Length - word.Length) <= limit && h.Split('-').Length == parts)
            .Select(h => (Word: h, Distance: Distance(word, h, limit)))
            .Where(h => h.Distance <= limit)
            .ToList();
        var best = fits.Count == 0 ? int.MaxValue : fits.Min(f => f.Distance);
        var closest = fits.Where(f => f.Distance == best).ToList();
        return closest.Count == 1 ? closest[0].Word : null;
    }

    /// <summary>The shortest word of the asking ("according", "describe") a typo may be read as.</summary>
    public const int AskingWordLength = 7;

    /// <summary>The long words of the asking: a typo of one is no subject of the question.</summary>
    public static IReadOnlyList<string> AskingWords { get; } = [.. EnglishLexicon.FrameWords.Where(w => w.Length >= AskingWordLength && w.All(char.IsLetter))];

    /// <summary>The other spellings of a word (British for American and the other way round).</summary>
    public static IEnumerable<string> Variants(string word)
    {
        foreach (var (a, b) in VariantEndings)
        {
            if (word.EndsWith(a, StringComparison.Ordinal) && word.Length > a.Length + 2)
            {
                yield return word[..^a.Length] + b;
            }

            if (word.EndsWith(b, StringComparison.Ordinal) && word.Length > b.Length + 2)
            {
                yield return word[..^b.Length] + a;
            }
        }

        foreach (var (a, b) in VariantInfixes)
        {
            var at = word.IndexOf(a, 1, StringComparison.Ordinal);
            if (at > 0)
            {
                yield return word[..at] + b + word[(at + a.Length)..];
            }
        }

        // "manoeuvre" and "maneuver": an infix and an ending at once.
        foreach (var (a, b) in VariantInfixes)
        {
            var at = word.IndexOf(a, 1, StringComparison.Ordinal);
            if (at > 0)
            {
                var inner = word[..at] + b + word[(at + a.Length)..];
                foreach (var (x, y) in VariantEndings)
                {
                    if (inner.EndsWith(x, StringComparison.Ordinal) && inner.Length > x.Length + 2)
                    {
                        yield return inner[..^x.Length] + y;
                    }
                }
            }
        }

        var reversed = word.Replace("eu", "oeu", StringComparison.Ordinal);
        if (!reversed.Equals(word, StringComparison.Ordinal))
        {
            yield return reversed;
            foreach (var (x, y) in VariantEndings)
            {
                if (reversed.EndsWith(y, StringComparison.Ordinal) && reversed.Length > y.Length + 2)
                {
                    yield return reversed[..^y.Length] + x;
                }
            }
        }
    }

    /// <summary>Optimal string alignment distance (edits, with adjacent swaps as one), stopping early past the limit.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
