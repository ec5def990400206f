using System.Text.RegularExpressions;

namespace PaperBot.Answering.Pipeline.Steps;

/// <summary>
/// Greetings, thanks, farewells, "who are you" and "what can you do" get a short friendly reply with no citations
/// (help for a first contact). A greeting or thanks in front of a real question is set aside and the question
/// answered ("thanks! and when was it signed?").
/// </summary>
public sealed partial class SmallTalkStep(AnsweringOptions options, Replies replies, PaperBot.Knowledge.Embeddings.IWordList language) : IAnswerStep
{
    public string Name => "small_talk";

    public async ValueTask<Answer?> RunAsync(QuestionContext context, CancellationToken cancellationToken)
    {
        var text = Clean(context.Question);
        var kind = Classify(text) ?? await PleasantryAsync(text, context, cancellationToken).ConfigureAwait(false);
        if (kind is null)
        {
            var rest = LeadingPleasantry().Replace(context.Question, string.Empty, 1).Trim();
            if (rest.Length > 0 && rest.Length < context.Question.Trim().Length && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
            {
                context.Question = rest;
            }

            return null;
        }

        var help = replies.Fill(options.HelpText, context.Readings);
        var reply = kind switch
        {
            "greeting" => $"Hello! {help}",
            "identity" => $"I'm PaperBot, a study assistant. {help}",
            "capability" => help,
            "wellbeing" => replies.Fill("I'm well, thanks, and ready for your questions about {titles}.", context.Readings),
            "thanks" => replies.Fill("You're welcome! Ask me anything else about {readings}.", context.Readings),
            "farewell" => "Bye, and good luck with the reading!",
            // Not satisfied with the last reply: no passage is made up to please; say how to ask so the readings can answer.
            "confused" => replies.Fill("Sorry that didn't help. I can only quote {readings}, not reword {them}: every answer cites its passage so you can check it. Try asking about one thing at a time, in the reading's own terms if you can.", context.Readings),
            "sorry" => replies.Fill("No problem. Ask me anything about {readings} when you're ready.", context.Readings),
            _ => replies.Fill("Glad to help. Ask me anything else about {readings}.", context.Readings),
        };
        var offersExamples = kind is "greeting" or "identity" or "capability" or "wellbeing";
        return new Answer
        {
            Question = context.Asked,
            Status = AnswerStatus.Answered,
            Kind = AnswerKinds.SmallTalk,
            Text = reply,
            Suggestions = offersExamples ? replies.Suggestions(context.Readings) : [],
        };
    }

    /// <summary>
    /// A short message with a pleasantry in it ("hey, how's your day going friend?") is small talk too, whatever its
    /// wording, when nothing in it is about the readings: none of its words names a subject of theirs, or no
    /// sentence of theirs comes close to it in meaning. The pleasantry says which kind.
    /// </summary>
    private async ValueTask<string?> PleasantryAsync(string text, QuestionContext context, CancellationToken cancellationToken)
    {
        var words = text.Split([' ', ',', '.', '!', '?', ':', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 12)
        {
            return null;
        }

        // A pleasantry quoted ("translate 'good morning'") is what is asked about, not said.
        var cue = Cue().Match(Quoted().Replace(text, " "));
        if (!cue.Success)
        {
            return null;
        }

        var analysis = Decision.QuestionAnalyzer.Analyze(context.Question, context.Readings);
        if (analysis.IsTask || analysis.Terms.Any(t => t.Kind is Decision.TermKind.Name or Decision.TermKind.Number && t.InReadings))
        {
            return null;
        }

        var subject = analysis.Terms.Any(t => t.InReadings && t.Kind != Decision.TermKind.Light && !Cue().IsMatch(t.Word));
        // A word of the readings mistyped ("pieline capacity now vs later", "how many brecks lol") is a question about them.
        if (analysis.Terms.Any(t => !t.InReadings && t.Kind != Decision.TermKind.Light && !Cue().IsMatch(t.Word) && Misspelt(t.Word, context.Readings)))
        {
            return null;
        }

        if (!subject)
        {
            return KindOf(cue);
        }

        var vector = await context.QueryVectorAsync(cancellationToken).ConfigureAwait(false);
        var hits = await context.Knowledge.SearchAsync(context.Question, vector, 3, cancellationToken: cancellationToken).ConfigureAwait(false);
        var closest = hits.SelectMany(h => h.Chunk.Sentences)
            .Select(s => context.Knowledge.IndexOf(s))
            .Where(i => i >= 0)
            .Select(i => (double)System.Numerics.Tensors.TensorPrimitives.Dot(vector.AsSpan(), context.Knowledge.SentenceVector(i).AsSpan()))
            .DefaultIfEmpty(0)
            .Max();
        return closest < options.SmallTalkSimilarity ? KindOf(cue) : null;
    }

    private bool Misspelt(string word, Readings.ReadingIndex readings) =>
        Language.SpellingCorrector.Correct(word, readings.HasWord, readings.WordCount, readings.WordsOfLength(word.Length - 2, word.Length + 2), language) is not null;

    /// <summary>What kind of small talk a whole message is, or null when it is something else.</summary>
    public static string? Classify(string message)
    {
        var text = Clean(message);
        // The whole message must be pleasantries one after another, so a longer one is looked at too ("what readings do you have?").
        if (text.Length == 0 || text.Length > 80)
        {
            return null;
        }

        // A message can be several pleasantries at once ("ok thanks bye"): the last kind that is not an
        // acknowledgement says what it is.
        var kinds = new List<string>();
        var rest = text;
        while (rest.Length > 0)
        {
            var match = Pleasantry().Match(rest);
            if (!match.Success || match.Index != 0)
            {
                return null;
            }

            kinds.Add(KindOf(match));
            rest = rest[match.Length..].TrimStart(' ', ',', '.', '!', '?', '-', ':');
        }

        return kinds.LastOrDefault(k => k != "ack") ?? kinds.LastOrDefault();
    }

    private static string KindOf(Match match) =>
        match.Groups["greeting"].Success ? "greeting"
        : match.Groups["identity"].Success ? "identity"
        : match.Groups["capability"].Success ? "capability"
        : match.Groups["wellbeing"].Success ? "wellbeing"
        : match.Groups["thanks"].Success ? "thanks"
        : match.Groups["farewell"].Success ? "farewell"
        : match.Groups["confused"].Success ? "confused"
        : match.Groups["sorry"].Success ? "sorry"
        : "ack";

    private static string Clean(string text) => NonText().Replace(text.ToLowerInvariant().Replace('’', '\''), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}' ,.!?:-]+")]
    private static partial Regex NonText();

    [GeneratedRegex(
        @"^((?<greeting>(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day)|morning|evening)( there| all| everyone| everybody| folks| guys| team| bot| paperbot)?)" +
        @"|(?<identity>(who|what) are you|what's your name|what is your name|(are|r) (you|u) (a |an )?(bot|robot|chat ?bot|ai|llm|language model|human|person|real|chat ?gpt|gpt|machine)|introduce yourself|tell me (a bit |more )?about (yourself|you)|who (made|built|created|developed|programmed|designed|wrote|runs) (you|this|this bot|paperbot)|(is|are) (this|it|these answers) (a bot|an ai|a robot|a chat ?bot|automated|ai|generated)|what('s| is) (this bot|this thing|this|paperbot)( for| about)?|what('s| is) your (purpose|job|role|function|point)|what are you (for|supposed to do|meant to do))" +
        @"|(?<capability>what can (you|i) (do|ask)( you)?( here)?|what do you do|how do(es)? (you|this|it) work|how can you help( me)?|what (questions )?can i ask( you)?|help me|help|" +
        @"(what|which) (readings?|papers?|texts?|articles?|documents?|sources|books?|topics?|subjects?|material|materials|stuff|things)( (do|can|did) (you|u))? (have|know( about)?|cover|use|read|answer( questions)? (on|about)|talk about|help with)|" +
        @"what (kind|sort|type)s? of (stuff|things|questions)( (do|can) (you|u) (know|answer|do|help with)| can i ask)|what do (you|u) know|what can (you|u) tell me|what (do|can) (you|u) (cover|answer)|" +
        @"how (do|should|can|could) i (use (you|this|it|this bot|paperbot)|ask( (you|it))?( a question| questions)?|talk to (you|it))|can (you|u) help me( to)? (study|learn|revise|prepare|understand)( for (the|my) (exam|test|class|seminar))?)" +
        @"|(?<wellbeing>how are (you|u)( doing)?( today)?|how's it going|how are things|what's up|sup)" +
        @"|(?<thanks>(thanks|thank you|thank u|thx|ty|cheers|much appreciated|appreciate it|many thanks)( so much| a lot| very much)?( mate| man| bot| paperbot)?( that was| that's| this was)?( (very |really |super )?(helpful|useful|great|perfect))?)" +
        @"|(?<farewell>(bye|goodbye|good bye|see you|see ya|cya|later|good night|take care|that's all|that is all|i'm done)( for now| later| then)?)" +
        @"|(?<confused>i (don't|do not|dont) (understand|get it|follow|get that)|i'm (confused|lost)|i am (confused|lost)|(that's|that is|thats) (not what i (asked|meant)|wrong|not right|incorrect|confusing)|(you're|you are|youre|ur) wrong|wrong answer|huh|what\?|(can|could) (you|u) (explain|say|put) (that|it|this) (more simply|again|differently|another way|in other words|in simpler (words|terms))|explain (that|it) (again|more simply))" +
        @"|(?<sorry>sorry|my bad|oops|never ?mind|nvm|forget it|no thanks|no thank you|hm+|um+|uh+)" +
        @"|(?<ack>(that|this|it)( was|'s| is)( very| really| super| so)? (helpful|useful|great|perfect|clear|interesting|awesome|good|nice|brilliant|amazing)|(very |really |super )?(helpful|useful)|good job|well done|nice work|great job|you're (great|awesome|the best|amazing|helpful|a star)|you rock|nice to meet you|pleased to meet you|good to know|makes sense|that makes sense|fair enough|no worries|ok|okay|k|cool|nice|great|awesome|perfect|brilliant|excellent|got it|understood|alright|all right|sure|fine|lol|haha|wow|yes|no|yep|yeah|nope|nice one|sounds good|are you there|anyone there|test|testing|ping))(?![\p{L}\p{N}])")]
    private static partial Regex Pleasantry();

    [GeneratedRegex(
        @"\b((?<greeting>hi+|he+y+|hel+o+w?|hal+o+|helo|hiya|howdy|greetings|yo+|good (morning|afternoon|evening|day))|(?<identity>who are (you|u)|what are (you|u)|your name|(are|r) (you|u) (a |an )?(bot|robot|ai|human|real|person|machine)|introduce yourself)" +
        @"|(?<capability>what can (you|u) do|what do (you|u) do|how can (you|u) help|(are you|you're) able to|help (me )?with|what (kind|sort|type)s? of (questions|things)|(questions|things) (can|could|should|do) i ask|can i ask|what can i ask|how does this (work|thing work)|how do (you|u) work|how do i use)" +
        @"|(?<wellbeing>how (are|r) (you|u)|how's (it going|your day|life|things)|how (is|was) your day|how have you been|what's up|hope (you're|ur|you are) (well|doing well|good))" +
        @"|(?<thanks>than(k|x)s?|thnx|thx|tnx|ty+|cheers|appreciate|grateful)|(?<farewell>bye+|goodbye|see (you|ya|u)|good night|take care|catch you later|later)" +
        @"|(?<ack>nice one|good job|well done|great job|awesome|brilliant|super helpful|very helpful|so helpful|helpful|cool|nice|lol|haha|ok(ay)?|anyone (here|there)|are you there))\b")]
    private static partial Regex Cue();

    [GeneratedRegex(@"(?<=^|\s)[""“‘'][^""”’']+[""”’'](?=\s|$|[,.!?])")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\s*((hi|hello|hey|thanks|thank you|thx|cheers|ok|okay|great|cool|sorry|excuse me|good (morning|afternoon|evening))( there| all| everyone| bot)?[\s,.!:;-]+)+(and\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPleasantry();
}
