using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Answering;
using PaperBot.Testing;

namespace PaperBot.Channels.Teams.Tests.Support;

/// <summary>
/// The real host in memory, with Teams settings for the test. The in-memory server has no client address, so the
/// factory says which one the request should appear to come from.
/// </summary>
public sealed class TeamsHostFactory(IDictionary<string, string?> settings, IPAddress? clientAddress) : WebApplicationFactory<Program>
{
    public StubAnswerService Answers { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // These tests are about the endpoint, not answers: a stub answers, and the paper is not indexed.
            services.RemoveAll<IAnswerService>();
            services.AddSingleton<IAnswerService>(Answers);
            var warmUp = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(PaperBot.Host.KnowledgeWarmUp)).ToList();
            warmUp.ForEach(d => services.Remove(d));
            services.AddSingleton<IStartupFilter>(new ClientAddressFilter(clientAddress));
        });
    }

    private sealed class ClientAddressFilter(IPAddress? address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
