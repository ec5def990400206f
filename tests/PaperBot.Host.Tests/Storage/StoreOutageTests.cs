using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PaperBot.Testing.Servers;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

namespace PaperBot.Host.Tests.Storage;

/// <summary>The real host on a real PostgreSQL that goes away while it runs: answers keep coming, with no stack trace.</summary>
public sealed class StoreOutageTests(HostFixture fixture, PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatabaseDroppedWhileRunning_QuestionsAreStillAnswered()
    {
        var connection = await postgres.Server.CreateDatabaseAsync();
        await using var host = fixture.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:Provider", "postgres");
            builder.UseSetting("Storage:ConnectionString", connection);
            builder.UseSetting("Storage:TimeoutSeconds", "2");
        });
        using var client = host.CreateClient();
        var before = await AskAsync(client, "What is this reading about?");

        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(postgres.Server.ConnectionString("postgres")))
        {
            await admin.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE {new NpgsqlConnectionStringBuilder(connection).Database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(Ct);
        }

        // The same question, a follow-up in the same conversation, and a quiz: all answered as before the outage.
        var after = await AskAsync(client, "What is this reading about?");
        Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("answer").GetString(), after.GetProperty("answer").GetString());
        using var quiz = await client.GetAsync("/api/quiz", Ct);
        Assert.Equal(HttpStatusCode.OK, quiz.StatusCode);
        var body = await quiz.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question, conversationId = "outage" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct);
        return document.RootElement.Clone();
    }
}
