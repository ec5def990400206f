namespace PaperBot.Cli;

/// <summary>Raised for bad usage: the CLI prints the message on one line and exits with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A command's switches and positional words, parsed without surprises.</summary>
internal sealed class CliArguments
{
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);

    private CliArguments(List<string> positional) => Positional = positional;

    public List<string> Positional { get; }

    /// <param name="args">The words after the command name.</param>
    /// <param name="flags">Switches without a value (<c>--json</c>).</param>
    /// <param name="valued">Switches that take a value (<c>--top 3</c>).</param>
    public static CliArguments Parse(IEnumerable<string> args, IEnumerable<string> flags, IEnumerable<string> valued)
    {
        var flagSet = flags.ToHashSet(StringComparer.Ordinal);
        var valuedSet = valued.ToHashSet(StringComparer.Ordinal);
        var result = new CliArguments([]);
        var list = args.ToList();
        var onlyPositional = false;
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (onlyPositional || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositional = true;
                continue;
            }

            var name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (flagSet.Contains(name) && inline is null)
            {
                result._flags.Add(name);
            }
            else if (valuedSet.Contains(name))
            {
                var value = inline ?? (i + 1 < list.Count ? list[++i] : throw new UsageException($"{name} needs a value"));
                result._values[name] = value;
                if (!result._repeated.TryGetValue(name, out var values))
                {
                    result._repeated[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option {name}");
            }
        }

        return result;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>The last value given for a switch.</summary>
    public string? Value(string name) => _values.GetValueOrDefault(name);

    /// <summary>Every value of a switch that may be repeated (<c>--reading a --reading b</c>), in the order given.</summary>
    public IReadOnlyList<string> Values(string name) => _repeated.TryGetValue(name, out var values) ? values : [];

    public int IntValue(string name, int fallback, int min, int max)
    {
        var raw = Value(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} takes a whole number from {min} to {max}");
        }

        return value;
    }

    /// <summary>The positional words joined as one question, or null when there are none.</summary>
    public string? Question => Positional.Count == 0 ? null : string.Join(' ', Positional);
}
