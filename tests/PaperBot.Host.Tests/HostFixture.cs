using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

[assembly: AssemblyFixture(typeof(PaperBot.Host.Tests.HostFixture))]

namespace PaperBot.Host.Tests;

/// <summary>The web host in-process, with its own embedding cache folder; one per test run.</summary>
public sealed class HostFixture : WebApplicationFactory<Program>
{
    public string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "paperbot-host-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:CachePath", CacheFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
