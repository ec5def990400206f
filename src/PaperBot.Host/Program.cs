using PaperBot.Host;

// A host that cannot start says why in one line and exits with StartupRefusal.ExitCode (see StartupRefusal).
var builder = WebApplication.CreateBuilder(args);
builder.AddPaperBotConfiguration();
if (builder.Configuration.RefusesToStart())
{
    return StartupRefusal.ExitCode;
}

builder.AddPaperBotTelemetry();
builder.Services.AddPaperBot();

if (builder.TryBuild() is not { } app)
{
    return StartupRefusal.ExitCode;
}

app.MapPaperBot();
return await app.RunOrRefuseAsync();

/// <summary>The web host's entry point, visible to the in-process HTTP tests.</summary>
public partial class Program;
