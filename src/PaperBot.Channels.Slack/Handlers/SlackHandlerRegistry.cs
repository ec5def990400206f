using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Slack.Handlers;

/// <summary>That <typeparamref name="THandler"/>s of type <see cref="Implementation"/> handle <see cref="Key"/> (an event type, a command or an action id).</summary>
internal sealed record SlackHandlerRegistration<THandler>(string Key, Type Implementation)
    where THandler : class;

/// <summary>
/// Which handler takes which event type, command and action id, from the registrations in the container. A later
/// registration for a key replaces an earlier one, so a host (or a test) can replace a default handler by registering
/// its own after <c>AddSlackChannel</c>. The keys are known up front: a lookup never asks the container about a string
/// a request brought.
/// </summary>
internal sealed class SlackHandlerRegistry
{
    /// <summary>The key of the handler for whichever command <c>Slack:Command</c> names (not a command itself: no leading slash).</summary>
    public const string ConfiguredCommand = "(Slack:Command)";

    private readonly Dictionary<string, ISlackEventHandler> _events;
    private readonly Dictionary<string, ISlackCommandHandler> _commands;
    private readonly Dictionary<string, ISlackActionHandler> _actions;
    private readonly ISlackCommandHandler? _configuredCommand;
    private readonly IOptionsMonitor<SlackOptions> _options;

    public SlackHandlerRegistry(
        IEnumerable<SlackHandlerRegistration<ISlackEventHandler>> events,
        IEnumerable<SlackHandlerRegistration<ISlackCommandHandler>> commands,
        IEnumerable<SlackHandlerRegistration<ISlackActionHandler>> actions,
        IServiceProvider services,
        IOptionsMonitor<SlackOptions> options)
    {
        _events = Build(events, services, StringComparer.Ordinal);
        _commands = Build(commands, services, StringComparer.OrdinalIgnoreCase);
        _commands.Remove(ConfiguredCommand, out _configuredCommand);
        _actions = Build(actions, services, StringComparer.Ordinal);
        _options = options;
    }

    /// <summary>The handler of an event type, or null: such events are acknowledged and ignored.</summary>
    public ISlackEventHandler? ForEvent(string? eventType) => Find(_events, eventType);

    /// <summary>The handler registered for the command itself, else (for the configured command) the configured command's.</summary>
    public ISlackCommandHandler? ForCommand(string command) =>
        Find(_commands, command)
        ?? (string.Equals(command, _options.CurrentValue.Command, StringComparison.OrdinalIgnoreCase) ? _configuredCommand : null);

    /// <summary>The handler of an action id, or null: such clicks are acknowledged and ignored.</summary>
    public ISlackActionHandler? ForAction(string? actionId) => Find(_actions, actionId);

    private static T? Find<T>(Dictionary<string, T> handlers, string? key)
        where T : class => key is not null && handlers.TryGetValue(key, out var handler) ? handler : null;

    private static Dictionary<string, T> Build<T>(IEnumerable<SlackHandlerRegistration<T>> registrations, IServiceProvider services, StringComparer comparer)
        where T : class
    {
        var handlers = new Dictionary<string, T>(comparer);
        foreach (var registration in registrations)
        {
            handlers[registration.Key] = (T)services.GetRequiredService(registration.Implementation);
        }

        return handlers;
    }
}
