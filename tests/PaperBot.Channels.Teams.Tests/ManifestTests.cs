using System.Text.Json;

namespace PaperBot.Channels.Teams.Tests;

/// <summary>The Teams app manifest: what a student sees in the command menu, and what the app asks for.</summary>
public sealed class ManifestTests
{
    private static JsonElement Manifest()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "infra", "teams", "manifest.json");
            if (File.Exists(file))
            {
                return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("infra/teams/manifest.json not found");
    }

    [Fact]
    public void CommandMenu_ListsEveryStudyCommandWithinTeamsLimitOfTen()
    {
        var list = Assert.Single(Manifest().GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray());
        var commands = list.GetProperty("commands").EnumerateArray().ToList();

        Assert.InRange(commands.Count, 1, 10);
        Assert.Equal(["help", "sections", "summary", "timeline", "glossary", "define", "quiz", "sources"], commands.Select(c => c.GetProperty("title").GetString()));
        Assert.All(commands, c => Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 128));
    }

    [Fact]
    public void Permissions_NoneTheBotDoesNotUse()
    {
        var manifest = Manifest();

        Assert.False(manifest.TryGetProperty("permissions", out var permissions) && permissions.EnumerateArray().Any(p => p.GetString() == "messageTeamMembers"));
    }
}
