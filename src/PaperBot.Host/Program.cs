using PaperBot.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddPaperBotConfiguration();
builder.Services.AddPaperBot();

var app = builder.Build();
app.MapPaperBot();
return app.RunOrRefuse();

/// <summary>The web host's entry point, visible to the in-process HTTP tests.</summary>
public partial class Program;
