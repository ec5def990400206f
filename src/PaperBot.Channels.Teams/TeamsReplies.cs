using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PaperBot.Answering;
using PaperBot.Channels.Teams.Protocol;

namespace PaperBot.Channels.Teams;

/// <summary>Turns an <see cref="Answer"/> (or a welcome) into the Teams activity that shows it.</summary>
public static partial class TeamsReplies
{
    /// <summary>Teams shows at most this many characters of a citation's title.</summary>
    public const int MaxCitationName = 80;

    /// <summary>Teams' documented limit for a citation's quote.</summary>
    public const int MaxCitationAbstract = 160;

    private const int MaxCitations = 20;

    /// <summary>
    /// An answered question: the text with its <c>[n]</c> markers, one AI-generated Message entity citing only the
    /// markers that appear in the text, and the feedback buttons. A declined question, help or the section list:
    /// plain text, with the suggested questions when there are any.
    /// </summary>
    public static OutgoingActivity ForAnswer(Activity incoming, Answer answer)
    {
        if (answer.Quiz is { } quiz)
        {
            return Reply(incoming, answer.Text) with { Attachments = [QuizCard(quiz)] };
        }

        var cited = answer.Kind == AnswerKinds.Answer || AnswerKinds.IsStudy(answer.Kind);
        if (answer.Status != AnswerStatus.Answered || !cited)
        {
            return Reply(incoming, WithSuggestions(answer.Text, answer.Suggestions, "You could ask:"));
        }

        // A follow-up's reading already leads the text; it is added only when it does not.
        var text = answer.Interpretation is { Length: > 0 } reading && !answer.Text.StartsWith(reading, StringComparison.Ordinal)
            ? $"_{reading}_\n\n{answer.Text}"
            : answer.Text;
        var markers = MarkersIn(text);
        var claims = answer.Citations
            .Where(c => markers.Contains(c.Marker))
            .GroupBy(c => c.Marker)
            .Select(g => g.First())
            .OrderBy(c => c.Marker)
            .Take(MaxCitations)
            .Select(c => new CitationClaim(c.Marker, new CitationAppearance(
                TextClip.ToLength(c.DocumentName is null ? c.Label : $"{c.DocumentName}, {c.Label}", MaxCitationName),
                TextClip.ToLength(c.Quote, MaxCitationAbstract))))
            .ToList();

        return Reply(incoming, text) with
        {
            Entities = [new AiMessageEntity { Citation = claims }],
            ChannelData = answer.Kind == AnswerKinds.Answer ? new OutgoingChannelData { FeedbackLoopEnabled = true } : null,
        };
    }

    /// <summary>
    /// A quiz question as an Adaptive Card: the prompt, and a "Show answer" action that unfolds the answer and the
    /// cited sentence in the client (Action.ShowCard), so no second request is needed to reveal it.
    /// </summary>
    public static Attachment QuizCard(QuizCard quiz)
    {
        var source = quiz.Citation.DocumentName is null ? quiz.Citation.Label : $"{quiz.Citation.DocumentName}, {quiz.Citation.Label}";
        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["body"] = new object[] { new { type = "TextBlock", text = quiz.Prompt, wrap = true } },
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

    /// <summary>The reply to a user over the per-user question limit: how many a minute, and when to ask again.</summary>
    public static OutgoingActivity Throttled(Activity incoming, int perMinute, TimeSpan retryAfter) =>
        Reply(incoming, $"You're asking faster than I can answer well (at most {perMinute} questions a minute). Please try again in {PaperBot.Web.PerUserLimiter.Seconds(retryAfter)} s.");

    /// <summary>The typing indicator shown while the answer is prepared.</summary>
    public static OutgoingActivity Typing(Activity incoming) => new()
    {
        Type = ActivityTypes.Typing,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
    };

    private static OutgoingActivity Reply(Activity incoming, string text) => new()
    {
        Type = ActivityTypes.Message,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Locale = incoming.Locale,
        Text = text,
        TextFormat = "markdown",
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

    private static HashSet<int> MarkersIn(string text) =>
        Marker().Matches(text).Select(m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Marker();
}
