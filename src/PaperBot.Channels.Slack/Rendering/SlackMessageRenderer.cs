using System.Text;
using System.Text.Json.Nodes;
using PaperBot.Answering;

namespace PaperBot.Channels.Slack.Rendering;

/// <summary>
/// Turns an <see cref="Answer"/> into Block Kit, as <see cref="AnswerPresentation"/> decides: the answer in mrkdwn
/// sections, one context block per citation (<c>[1] §3.II Title: "quote…"</c>), the suggested questions as buttons
/// (follow-ups of an answer, questions to try instead of a declined one; the value is the question), then 👍/👎
/// buttons whose value is the answer id. Stays inside Slack's limits: 3,000 characters per section, 50 blocks per message.
/// </summary>
internal static class SlackMessageRenderer
{
    public const int MaxSectionChars = 3000;
    public const int MaxBlocks = 50;
    public const int MaxAnswerSections = 8;
    public const int MaxQuoteChars = 280;
    public const int MaxLabelChars = 150;
    public const int MaxSuggestions = 5;
    public const string FeedbackBlockId = "paperbot_feedback";
    public const string LikeActionId = "paperbot_feedback_like";
    public const string DislikeActionId = "paperbot_feedback_dislike";
    public const string QuizBlockId = "paperbot_quiz";
    public const string RevealQuizActionId = "paperbot_quiz_reveal";
    public const string SuggestionsBlockId = "paperbot_suggestions";

    /// <summary>Slack shows at most 75 characters of a button's text.</summary>
    public const int MaxButtonTextChars = 75;

    /// <summary>Slack's limit on a button's value.</summary>
    public const int MaxButtonValueChars = 2000;

    /// <summary>The action id of the suggestion button at <paramref name="index"/> (action ids are unique within a block).</summary>
    public static string SuggestionActionId(int index) => $"paperbot_suggestion_{index}";

    /// <param name="answer">What the answer service said.</param>
    /// <param name="askedBy">For slash commands posted to the channel: who asked, and what, so the group sees the question.</param>
    public static SlackMessage Render(Answer answer, (string UserId, string Question)? askedBy = null)
    {
        var blocks = new List<JsonObject>();
        if (askedBy is { } asker)
        {
            blocks.Add(Context($"<@{asker.UserId}> asked: _{SlackText.Clip(SlackText.Escape(asker.Question), 500)}_"));
        }

        var escapedText = SlackText.Escape(answer.Text);
        foreach (var piece in SlackText.Split(escapedText, MaxSectionChars, MaxAnswerSections))
        {
            blocks.Add(Section(piece));
        }

        var presentation = AnswerPresentation.For(answer);
        if (presentation.Interpretation is { } reading)
        {
            blocks.Add(Context($"_{SlackText.Clip(SlackText.Escape(reading), 500)}_"));
        }

        var suggestions = answer.Quiz is null ? answer.Suggestions.Where(s => s.Length <= MaxButtonValueChars).Take(MaxSuggestions).ToList() : [];
        var followUps = answer.Status == AnswerStatus.Answered && answer.Kind == AnswerKinds.Answer;
        if (suggestions.Count > 0 && !followUps)
        {
            // Questions to try instead lead, as before the citations of what the paper does say.
            AddSuggestions(blocks, suggestions, "*Try asking:*");
        }

        var feedback = presentation.OfferFeedback;
        var quiz = answer.Quiz;
        var reserved = (feedback || quiz is not null ? 1 : 0) + (suggestions.Count > 0 && followUps ? 2 : 0);
        AddCitations(blocks, presentation.ShowCitations ? answer.Citations : [], reserved);
        if (suggestions.Count > 0 && followUps)
        {
            AddSuggestions(blocks, suggestions, "*Ask next:*");
        }
        if (feedback)
        {
            blocks.Add(FeedbackButtons(answer.Id));
        }

        if (quiz is not null)
        {
            // The answer stays on the server: the button carries only the quiz id.
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = QuizBlockId,
                ["elements"] = new JsonArray(Button(RevealQuizActionId, "Show answer", quiz.Id)),
            });
        }

        return new SlackMessage(SlackText.Clip(escapedText, MaxSectionChars), blocks);
    }

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }),
    };

    /// <summary>A heading and one button a question: a click asks it (the button's value) in the message's thread.</summary>
    private static void AddSuggestions(List<JsonObject> blocks, IReadOnlyList<string> suggestions, string heading)
    {
        blocks.Add(Section(heading));
        var buttons = new JsonArray();
        for (var i = 0; i < suggestions.Count; i++)
        {
            buttons.Add(Button(SuggestionActionId(i), SlackText.Clip(suggestions[i], MaxButtonTextChars), suggestions[i]));
        }

        blocks.Add(new JsonObject { ["type"] = "actions", ["block_id"] = SuggestionsBlockId, ["elements"] = buttons });
    }

    private static void AddCitations(List<JsonObject> blocks, IReadOnlyList<Citation> citations, int reserved)
    {
        var room = MaxBlocks - blocks.Count - reserved;
        var shown = citations.Count <= room ? citations.Count : Math.Max(room - 1, 0);
        foreach (var citation in citations.Take(shown))
        {
            blocks.Add(Context(CitationText(citation)));
        }

        if (shown < citations.Count && room > 0)
        {
            blocks.Add(Context($"_…and {citations.Count - shown} more passages._"));
        }
    }

    internal static string CitationText(Citation citation)
    {
        var label = SlackText.Clip(SlackText.Escape(CitationFormat.Source(citation)), MaxLabelChars);
        var quote = SlackText.Clip(SlackText.Escape(citation.Quote.Trim()), MaxQuoteChars);
        return $"*[{citation.Marker}]* {label}: \"{quote}\"";
    }

    private static JsonObject FeedbackButtons(string answerId) => new()
    {
        ["type"] = "actions",
        ["block_id"] = FeedbackBlockId,
        ["elements"] = new JsonArray(
            Button(LikeActionId, "👍 Helpful", answerId),
            Button(DislikeActionId, "👎 Not helpful", answerId)),
    };

    private static JsonObject Button(string actionId, string label, string value) => new()
    {
        ["type"] = "button",
        ["action_id"] = actionId,
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label, ["emoji"] = true },
        ["value"] = value,
    };
}
