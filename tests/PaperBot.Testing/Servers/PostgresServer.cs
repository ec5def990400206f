using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PaperBot.Testing.Servers;

/// <summary>
/// A real PostgreSQL server for the tests (Debian's package, which <c>.ci/run</c> installs): a fresh cluster in a
/// temporary folder, on a free loopback port, with trust authentication for a <c>paperbot</c> role. Started once per
/// test assembly (<see cref="PostgresFixture"/>); each test makes its own database (<see cref="CreateDatabaseAsync"/>).
/// Under root (CI), the server runs as the <c>postgres</c> user, as PostgreSQL refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Where the server's binaries are (pg_ctl and initdb), or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "pg_ctl")) && File.Exists(Path.Combine(p, "initdb")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL is not installed (no pg_ctl on PATH or under /usr/lib/postgresql); .ci/run installs Debian's postgresql package");
        var folder = Path.Combine(Path.GetTempPath(), $"paperbot-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var server = new PostgresServer(bin, folder, port);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", folder]).ConfigureAwait(false);
        }

        var data = Path.Combine(folder, "data");
        await server.RunAsServerUserAsync("initdb", ["-D", data, "-U", "paperbot", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]).ConfigureAwait(false);
        await server.RunAsServerUserAsync("pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start"]).ConfigureAwait(false);
        return server;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "paperbot", Database = database, Pooling = true }.ToString();

    /// <summary>A new, empty database of its own for one test, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsServerUserAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]).ConfigureAwait(false);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private Task RunAsServerUserAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One PostgreSQL server for a test assembly (<c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c>).</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("the server did not start");

    public async ValueTask InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
