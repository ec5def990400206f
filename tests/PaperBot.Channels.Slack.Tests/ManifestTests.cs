using System.Text.RegularExpressions;

namespace PaperBot.Channels.Slack.Tests;

/// <summary>The Slack app manifest: the slash command's usage hint is where users look for what to type.</summary>
public sealed partial class ManifestTests
{
    private static string Manifest()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "infra", "slack", "manifest.yml");
            if (File.Exists(file))
            {
                return File.ReadAllText(file);
            }
        }

        throw new InvalidOperationException("infra/slack/manifest.yml not found");
    }

    [Fact]
    public void UsageHint_ListsEveryStudyCommand()
    {
        var hint = UsageHint().Match(Manifest());

        Assert.True(hint.Success);
        var words = hint.Groups[1].Value.Split(['[', ']', '|', ' '], StringSplitOptions.RemoveEmptyEntries);
        Assert.Subset(words.ToHashSet(), new HashSet<string> { "question", "help", "sections", "summary", "timeline", "glossary", "define", "quiz", "sources" });
        Assert.True(hint.Groups[1].Value.Length <= 1000);
    }

    [GeneratedRegex("usage_hint: \"([^\"]*)\"")]
    private static partial Regex UsageHint();
}
