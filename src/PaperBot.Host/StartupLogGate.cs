using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace PaperBot.Host;

/// <summary>
/// While the host starts, holds back the generic host's own logs (its category only), among them its report of a
/// failed start ("Hosting failed to start", an error that carries the exception and its stack trace): the refusal
/// says the same in one line. Held only around start-up (and the stop after a failed one), so a background service
/// that fails later is logged as before; what is lost is the host's two Debug lines "Hosting starting" and "Hosting
/// started". Never held in a host a test runs in its own process (WebApplicationFactory), which gets the exception.
/// </summary>
internal sealed class StartupLogGate : IPostConfigureOptions<LoggerFilterOptions>, IOptionsChangeTokenSource<LoggerFilterOptions>
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private CancellationTokenSource _changed = new();
    private volatile bool _held;

    public string? Name => Options.DefaultName;

    public void Hold() => Set(held: true);

    public void Release() => Set(held: false);

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        if (_held)
        {
            options.Rules.Add(new LoggerFilterRule(providerName: null, HostCategory, LogLevel.None, filter: null));
        }
    }

    /// <summary>The logger factory re-reads its filters when the token fires, at once, on this thread.</summary>
    private void Set(bool held)
    {
        _held = held;
        using var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
    }
}
