using PaperBot.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddPaperBotConfiguration();
if (builder.Configuration.RefusesToStart())
{
    return StartupRefusal.ExitCode;
}

builder.AddPaperBotTelemetry();
builder.Services.AddPaperBot();

var app = builder.Build();
app.MapPaperBot();
app.Run();
return 0;

/// <summary>The web host's entry point, visible to the in-process HTTP tests.</summary>
public partial class Program;
