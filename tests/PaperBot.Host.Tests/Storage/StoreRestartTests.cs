using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Evaluation;
using PaperBot.Knowledge.Configuration;
using PaperBot.Storage;
using PaperBot.Testing.Logging;
using PaperBot.Testing.Loopback;

namespace PaperBot.Host.Tests.Storage;

/// <summary>
/// The real host on a SQLite store, stopped and started again on the same folder: follow-up memory, quizzes and
/// feedback outlive the restart, and the database holds no platform id of a user or a conversation.
/// </summary>
public sealed class StoreRestartTests(HostFixture fixture) : IAsyncLifetime
{
    private const string TeamsUser = "29:1raw-teams-user-id";
    private const string TeamsAad = "raw-aad-object-id-0001";
    private const string TeamsConversation = "a:1raw-teams-conversation";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"paperbot-restart-{Guid.NewGuid():N}");
    private FakeBotConnector? _connector;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _connector!.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Completed when the Teams bot logs that it answered (event 3100): the reply is tied to its answer by then.</summary>
    private readonly LogSignal _teamsAnswered = new(3100);

    private WebApplicationFactory<Program> Host() => fixture.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:Path", _folder);
        builder.UseSetting("Teams:PlaygroundServiceUrl", new Uri(_connector!.BaseUrl, "_connector").ToString());
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(_teamsAnswered);
            // The in-memory server has no client address; without an app id the host takes Teams activities from loopback only.
            services.AddSingleton<IStartupFilter>(new FromLoopback());
        });
    });

    [Fact]
    public async Task Restart_KeepsFollowUpMemoryQuizzesAndFeedback_AndNoRawIdIsStored()
    {
        var followUps = FollowUpPairs();
        string quizId;
        string replyId;
        await using (var first = Host())
        {
            using var client = first.CreateClient();
            for (var i = 0; i < followUps.Count; i++)
            {
                await AskAsync(client, followUps[i].Previous, $"restart-{i}");
            }

            using var quiz = await client.GetFromJsonAsync<JsonDocument>("/api/quiz", Ct);
            quizId = quiz!.RootElement.GetProperty("quiz").GetProperty("id").GetString()!;

            await PostActivityAsync(client, Message("activity-1", followUps[0].Previous));
            var answered = await _teamsAnswered.Logged.WaitAsync(TimeSpan.FromMinutes(2), Ct);
            replyId = answered[(answered.LastIndexOf("reply ", StringComparison.Ordinal) + "reply ".Length)..];
            Assert.NotNull(await first.Services.GetRequiredService<IFeedbackStore>().AnswerForReplyAsync(replyId, Ct));
            await PostActivityAsync(client, Feedback(replyId));
        }

        await using var second = Host();
        using var after = second.CreateClient();

        // The same follow-ups, asked after the restart, read as they read in one unbroken conversation.
        var readAsFollowUp = 0;
        for (var i = 0; i < followUps.Count; i++)
        {
            var restarted = await AskAsync(after, followUps[i].Question, $"restart-{i}");
            await AskAsync(after, followUps[i].Previous, $"unbroken-{i}");
            var unbroken = await AskAsync(after, followUps[i].Question, $"unbroken-{i}");
            Assert.Equal(unbroken.GetProperty("answer").GetString(), restarted.GetProperty("answer").GetString());
            readAsFollowUp += restarted.TryGetProperty("interpretation", out _) ? 1 : 0;
        }

        Assert.True(readAsFollowUp > 0, "no follow-up was read as one after the restart");

        using var revealed = await after.GetAsync($"/api/quiz/{quizId}/answer", Ct);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);

        // The vote given before the restart is known after it: a second one from the same user is not counted.
        await PostActivityAsync(after, Feedback(replyId));
        var votes = await second.Services.GetRequiredService<IFeedbackStore>().ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), Ct);
        var vote = Assert.Single(votes);
        Assert.False(vote.Liked);
        Assert.False(vote.AnswerId.StartsWith("reply:", StringComparison.Ordinal), "the reply was not tied to its answer after the restart");
        var questions = await second.Services.GetRequiredService<IQuestionLog>().ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), Ct);
        Assert.Contains(questions, q => q.AnswerId == vote.AnswerId && q.FrontEnd == FrontEnds.Teams && q.UserKey is not null);

        var cells = await AllTextAsync(Path.Combine(_folder, "paperbot.db"));
        foreach (var raw in new[] { TeamsUser, TeamsAad, TeamsConversation, "restart-0", "unbroken-0" })
        {
            Assert.DoesNotContain(cells, c => c.Contains(raw, StringComparison.Ordinal));
        }
    }

    private static List<(string Previous, string Question)> FollowUpPairs()
    {
        // Follow-ups of the dev split about the shipped reading: the test compares, it does not expect any answer.
        var shipped = new HashSet<string>(Directory.GetFiles(PathResolver.ResolveFolder("knowledge")).Select(Path.GetFileNameWithoutExtension)!, StringComparer.Ordinal);
        return GoldSet.LoadDev(PathResolver.ResolveFolder(GoldSet.DefaultFolder))
            .Where(g => g.IsFollowUp && shipped.Contains(g.Reading))
            .Select(g => (g.Previous!, g.Question))
            .Take(4)
            .ToList();
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question, string conversation)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question, conversationId = conversation }, Ct);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct);
        return document.RootElement.Clone();
    }

    private string Message(string id, string text) => JsonSerializer.Serialize(new
    {
        type = "message",
        id,
        channelId = "msteams",
        serviceUrl = new Uri(_connector!.BaseUrl, "_connector").ToString(),
        text,
        from = new { id = TeamsUser, aadObjectId = TeamsAad, name = "A student" },
        recipient = new { id = "28:bot", name = "PaperBot" },
        conversation = new { id = TeamsConversation, conversationType = "personal" },
    });

    private string Feedback(string replyToId) => JsonSerializer.Serialize(new
    {
        type = "invoke",
        name = "message/submitAction",
        id = "invoke-" + Guid.NewGuid().ToString("N"),
        channelId = "msteams",
        serviceUrl = new Uri(_connector!.BaseUrl, "_connector").ToString(),
        replyToId,
        from = new { id = TeamsUser, aadObjectId = TeamsAad },
        recipient = new { id = "28:bot" },
        conversation = new { id = TeamsConversation, conversationType = "personal" },
        value = new { actionName = "feedback", actionValue = new { reaction = "dislike", feedback = "{\"feedbackText\":\"not what I asked\"}" } },
    });

    private static async Task PostActivityAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<string>> AllTextAsync(string database)
    {
        var cells = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string text)
                    {
                        cells.Add(text);
                    }
                }
            }
        }

        return cells;
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
