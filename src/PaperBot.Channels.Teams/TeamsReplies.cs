using System.Globalization;
using System.Text;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;

namespace PaperBot.Channels.Teams;

/// <summary>Turns an <see cref="Answer"/> (or a welcome) into the Teams activity that shows it.</summary>
public static class TeamsReplies
{
    /// <summary>Teams shows at most this many characters of a citation's title.</summary>
    public const int MaxCitationName = 80;

    /// <summary>Teams' documented limit for a citation's quote.</summary>
    public const int MaxCitationAbstract = 160;

    /// <summary>Teams shows only the first three suggested actions.</summary>
    public const int MaxSuggestedActions = 3;

    /// <summary>How much of a question a button shows; the whole question is what a click sends.</summary>
    public const int MaxActionTitle = 50;

    /// <summary>The most citations Teams accepts on one message (the Agents Playground refuses an eleventh).</summary>
    public const int MaxCitationsPerMessage = 10;

    /// <summary>
    /// The most text one message carries. Teams refuses activities over about 100 KB; with ten citations and the
    /// rest of the activity, a message of this much text stays far inside that, and is still a readable screenful.
    /// </summary>
    public const int MaxTextLength = 6_000;

    /// <summary>
    /// The messages that show an answer, as <see cref="AnswerPresentation"/> decides. Text with citations: the
    /// <c>[n]</c> markers, one AI-generated Message entity citing only the markers that appear in the text. A study list
    /// (timeline, glossary, summary) is a Markdown list, one entry a line, split into as many messages as Teams'
    /// limits need (at most <see cref="MaxCitationsPerMessage"/> citations and <see cref="MaxTextLength"/> characters
    /// each, markers renumbered from [1] in each). A quiz is a card with the AI label. Text without citations (most
    /// declines, help, the section list): plain, with the suggested questions when there are any. The reply to a
    /// question, answered or declined, offers feedback. The suggested questions (an answer's follow-ups, a decline's
    /// questions to try) are buttons on the last message (<see cref="WithSuggestedQuestions"/>).
    /// </summary>
    public static IReadOnlyList<OutgoingActivity> ForAnswer(Activity incoming, Answer answer)
    {
        var messages = Messages(incoming, answer);
        return answer.Suggestions.Count == 0 || answer.Quiz is not null
            ? messages
            : [.. messages.Take(messages.Count - 1), WithSuggestedQuestions(incoming, messages[^1], answer.Suggestions)];
    }

    /// <summary>
    /// A message with the suggested questions as buttons whose click sends the question as the user's own message
    /// (<c>imBack</c>): suggested actions in 1:1 and group chats; in a channel, where Teams shows no suggested actions,
    /// a hero card of the same buttons.
    /// </summary>
    public static OutgoingActivity WithSuggestedQuestions(Activity incoming, OutgoingActivity message, IReadOnlyList<string> questions)
    {
        var actions = questions.Take(MaxSuggestedActions)
            .Select(q => new CardAction(CardAction.ImBack, CitationFormat.Clip(q, MaxActionTitle), q))
            .ToList();
        if (actions.Count == 0)
        {
            return message;
        }

        return string.Equals(incoming.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase)
            ? message with { Attachments = [.. message.Attachments ?? [], new Attachment(HeroCard.ContentType, new HeroCard("Ask next:", actions))] }
            : message with { SuggestedActions = new SuggestedActions(actions) };
    }

    private static IReadOnlyList<OutgoingActivity> Messages(Activity incoming, Answer answer)
    {
        if (answer.Quiz is { } quiz)
        {
            // The card carries the prompt: text beside it would show the prompt twice (Teams puts text and card in two bubbles).
            return [Reply(incoming, null) with { Attachments = [QuizCard(quiz)], Entities = [new AiMessageEntity()] }];
        }

        var presentation = AnswerPresentation.For(answer);
        var feedback = presentation.OfferFeedback ? new OutgoingChannelData { FeedbackLoopEnabled = true } : null;
        if (!presentation.ShowCitations)
        {
            var text = answer.Kind == AnswerKinds.Sections ? MarkdownOutline(answer.Text) : answer.Text;
            return [Reply(incoming, WithSuggestions(text, answer.Suggestions, "You could ask:")) with { ChannelData = feedback }];
        }

        // How the question was read leads the text when the text does not already start with it.
        var lines = answer.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lead = presentation.Interpretation is { } reading ? $"_{reading}_" : null;
        var pages = presentation.IsList && lines.Length > 1
            ? Pages(lines[0], lines[1..])
            : [Paragraphs(lead is null ? lines : [lead, .. lines])];
        return pages.Select(page => Cited(incoming, page, answer.Citations, feedback)).ToList();
    }

    /// <summary>Lines as Markdown paragraphs: Teams runs single newlines together.</summary>
    private static string Paragraphs(IEnumerable<string> lines) => string.Join("\n\n", lines);

    /// <summary>
    /// The lead and the entries as Markdown lists, as few messages as the limits allow. An entry is never split; one
    /// longer than a whole message is clipped at a word.
    /// </summary>
    private static List<string> Pages(string lead, IReadOnlyList<string> entries)
    {
        var pages = new List<List<string>> { new() };
        var markers = new HashSet<int>();
        var length = lead.Length;
        foreach (var raw in entries)
        {
            var entry = "- " + CitationFormat.Clip(raw.Trim(), MaxTextLength - lead.Length - 40);
            var entryMarkers = MarkersIn(entry);
            var current = pages[^1];
            if (current.Count > 0
                && (markers.Count + entryMarkers.Count(m => !markers.Contains(m)) > MaxCitationsPerMessage || length + entry.Length + 1 > MaxTextLength))
            {
                pages.Add(current = []);
                markers.Clear();
                length = lead.Length;
            }

            current.Add(entry);
            markers.UnionWith(entryMarkers);
            length += entry.Length + 1;
        }

        if (pages.Count == 1)
        {
            return [lead + "\n\n" + string.Join('\n', pages[0])];
        }

        return pages
            .Select((page, i) => (i == 0 ? lead : "Continued:") + $" ({i + 1}/{pages.Count})\n\n" + string.Join('\n', page))
            .ToList();
    }

    /// <summary>One message of cited text: its markers renumbered from [1] in order, each cited once.</summary>
    private static OutgoingActivity Cited(Activity incoming, string text, IReadOnlyList<Citation> citations, OutgoingChannelData? channelData)
    {
        var byMarker = citations.GroupBy(c => c.Marker).ToDictionary(g => g.Key, g => g.First());
        var renumbered = new Dictionary<int, int>();
        var rewritten = CitationFormat.Marker().Replace(text, match =>
        {
            var marker = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (!byMarker.ContainsKey(marker))
            {
                return match.Value;
            }

            if (!renumbered.TryGetValue(marker, out var position))
            {
                renumbered[marker] = position = renumbered.Count + 1;
            }

            return $"[{position}]";
        });
        var claims = renumbered
            .OrderBy(p => p.Value)
            .Take(MaxCitationsPerMessage)
            .Select(p => Claim(p.Value, byMarker[p.Key]))
            .ToList();

        return Reply(incoming, rewritten) with
        {
            Entities = [new AiMessageEntity { Citation = claims }],
            ChannelData = channelData,
        };
    }

    private static CitationClaim Claim(int position, Citation citation) =>
        new(position, new CitationAppearance(
            CitationFormat.Clip(CitationFormat.Source(citation), MaxCitationName),
            CitationFormat.Clip(citation.Quote, MaxCitationAbstract)));

    /// <summary>The section list, indented two spaces a level, as a nested Markdown list.</summary>
    private static string MarkdownOutline(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            return $"{new string(' ', indent)}- {line.Trim()}";
        }));

    /// <summary>
    /// A quiz question as an Adaptive Card: the prompt, and a "Show answer" action that unfolds the answer and the
    /// cited sentence in the client (Action.ShowCard), so no second request is needed to reveal it.
    /// </summary>
    public static Attachment QuizCard(QuizCard quiz)
    {
        var source = CitationFormat.Source(quiz.Citation);
        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            // One text block a line of the prompt (the question, then the sentence with its blank).
            ["body"] = quiz.Prompt.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => new { type = "TextBlock", text = line, wrap = true }).ToArray(),
            ["actions"] = new object[]
            {
                new
                {
                    type = "Action.ShowCard",
                    title = "Show answer",
                    id = "paperbot_quiz_" + quiz.Id,
                    card = new Dictionary<string, object>
                    {
                        ["type"] = "AdaptiveCard",
                        ["body"] = new object[]
                        {
                            new { type = "TextBlock", text = $"The answer is “{quiz.HiddenAnswer}”, as the paper says:", wrap = true, weight = "Bolder" },
                            new { type = "TextBlock", text = $"{quiz.Citation.Quote} [1]", wrap = true },
                            new { type = "TextBlock", text = $"[1] {source}", wrap = true, isSubtle = true, size = "Small" },
                        },
                    },
                },
            },
        };
        return new Attachment("application/vnd.microsoft.card.adaptive", card);
    }

    /// <summary>The greeting when the bot joins a chat: what it does and three questions to start with.</summary>
    public static OutgoingActivity Welcome(Activity incoming, IReadOnlyList<string> questions) =>
        Reply(incoming, WithSuggestions(
            "Hi, I'm PaperBot. I answer questions about the paper this group is studying and cite its own words. " +
            "Type **help** for how to ask, or **sections** for its contents.",
            questions.Take(3).ToList(),
            "Try for example:"));

    /// <summary>What the user sees when no answer could be prepared (the knowledge store or the model is unreachable).</summary>
    public const string UnavailableText = "Sorry, I couldn't answer that just now: the paper's index is unavailable. Please try again in a minute.";

    /// <summary>The plain reply when no answer could be prepared: the question is not silently dropped.</summary>
    public static OutgoingActivity Unavailable(Activity incoming) => Reply(incoming, UnavailableText);

    /// <summary>What the user sees when Teams refused to deliver a reply the bot made.</summary>
    public const string RefusedText = "Sorry, Teams would not deliver my reply (it refused the message). Try a narrower request, such as one section's summary.";

    /// <summary>The short plain message sent after Teams refused a reply, so the student is not left with nothing.</summary>
    public static OutgoingActivity Refused(Activity incoming) => Reply(incoming, RefusedText);

    /// <summary>The reply to a user over the per-user question limit: how many a minute, and when to ask again.</summary>
    public static OutgoingActivity Throttled(Activity incoming, int perMinute, TimeSpan retryAfter) =>
        Reply(incoming, $"You're asking faster than I can answer well (at most {perMinute} questions a minute). Please try again in {PaperBot.Web.PerUserLimiter.Seconds(retryAfter)} s.");

    /// <summary>A plain Markdown reply in the same thread (the instructor's report, its refusal).</summary>
    public static OutgoingActivity Markdown(Activity incoming, string text) => Reply(incoming, text);

    /// <summary>The typing indicator shown while the answer is prepared.</summary>
    public static OutgoingActivity Typing(Activity incoming) => new()
    {
        Type = ActivityTypes.Typing,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
    };

    private static OutgoingActivity Reply(Activity incoming, string? text) => new()
    {
        Type = ActivityTypes.Message,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Locale = incoming.Locale,
        Text = text,
        TextFormat = text is null ? null : "markdown",
    };

    private static string WithSuggestions(string text, IReadOnlyList<string> suggestions, string lead)
    {
        if (suggestions.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text).Append("\n\n").Append(lead);
        foreach (var suggestion in suggestions)
        {
            builder.Append("\n- ").Append(suggestion);
        }

        return builder.ToString();
    }

    private static HashSet<int> MarkersIn(string text) => [.. CitationFormat.Markers(text)];
}
