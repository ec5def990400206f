using System.Text.RegularExpressions;
using PaperBot.Channels.Teams.Protocol;

namespace PaperBot.Channels.Teams;

/// <summary>Takes the bot's own @mention out of a message, using the mention entities rather than guessing.</summary>
public static class MentionText
{
    /// <summary>
    /// Deletes the text of every mention entity that mentions the recipient (the bot), case-insensitively, then
    /// trims. Mentions of other people stay: they may be part of the question.
    /// </summary>
    public static string RemoveRecipientMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (entity is not null
                && string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(entity.Text))
            {
                text = Regex.Replace(text, Regex.Escape(entity.Text), "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        return text.Trim();
    }
}
