using System.Text.Json.Nodes;

namespace PaperBot.Channels.Slack.Rendering;

/// <summary>A Block Kit message: the fallback <see cref="Text"/> (notifications, old clients) and its blocks.</summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<JsonObject> Blocks)
{
    /// <summary>The message as a fresh JSON object, to which a caller adds <c>channel</c>, <c>thread_ts</c> and so on.</summary>
    public JsonObject ToJson()
    {
        var blocks = new JsonArray();
        foreach (var block in Blocks)
        {
            blocks.Add(block.DeepClone());
        }

        return new JsonObject { ["text"] = Text, ["blocks"] = blocks };
    }

    public static SlackMessage Plain(string text) =>
        new(SlackText.Escape(text), [SlackMessageRenderer.Section(SlackText.Clip(SlackText.Escape(text), SlackMessageRenderer.MaxSectionChars))]);
}
