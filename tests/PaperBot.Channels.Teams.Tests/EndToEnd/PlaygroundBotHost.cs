using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Answering;
using PaperBot.Testing;

namespace PaperBot.Channels.Teams.Tests.EndToEnd;

/// <summary>
/// The host exactly as it runs, in local-development mode (no app id), replying only to the Playground's connector.
/// Until the answering area registers the real answer service in <c>AddPaperBot</c>, a stand-in fills the gap; it is
/// added only when none is registered.
/// </summary>
internal sealed class PlaygroundBotHost(string playgroundServiceUrl) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Teams:MicrosoftAppId", "");
        builder.UseSetting("Teams:PlaygroundServiceUrl", playgroundServiceUrl);
        builder.ConfigureTestServices(services => services.TryAddSingleton<IAnswerService>(new StubAnswerService
        {
            Next = request => request.Question is "help" or "sections"
                ? new Answer { Question = request.Question, Status = AnswerStatus.Answered, Kind = request.Question, Text = $"({request.Question} from the stand-in)" }
                : CannedAnswers.Cited(request.Question),
        }));
    }
}
