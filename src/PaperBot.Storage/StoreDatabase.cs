using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PaperBot.Storage;

/// <summary>
/// The database behind the store: SQLite in a file or a shared PostgreSQL, opened and migrated once at start
/// (<see cref="Open"/>). Every replica on one PostgreSQL migrates under one advisory lock, so two starting together
/// do not both create the tables.
/// </summary>
public sealed class StoreDatabase : IDisposable
{
    /// <summary>The advisory lock PaperBot's migrations take on PostgreSQL (an arbitrary, fixed number).</summary>
    private const long MigrationLock = 7_160_420_150;

    private readonly StorageOptions _options;
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;
    private readonly ArgumentException? _badConnectionString;

    public StoreDatabase(StorageOptions options)
    {
        _options = options;
        if (options.Provider == StorageOptions.Postgres)
        {
            try
            {
                _postgres = NpgsqlDataSource.Create(options.ConnectionString!);
            }
            catch (ArgumentException ex)
            {
                // Said by Open, at start, in one line (the string itself is a secret and is not repeated).
                _badConnectionString = ex;
            }
        }
        else
        {
            _sqlite = new SqliteConnectionStringBuilder
            {
                DataSource = options.DatabaseFile,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = (int)Math.Ceiling(options.TimeoutSeconds),
            }.ToString();
        }
    }

    public string Provider => _options.Provider;

    /// <summary>Where the data is, without a password: the SQLite file, or PostgreSQL's host and database.</summary>
    public string Describe()
    {
        if (_options.Provider != StorageOptions.Postgres)
        {
            return _options.DatabaseFile;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
            return $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(a connection string that cannot be read)";
        }
    }

    private readonly Lock _opening = new();
    private byte[]? _salt;

    /// <summary>The salt of the user keys, read once at <see cref="Open"/> (which this opens the database for, if it was not).</summary>
    public byte[] Salt
    {
        get
        {
            Open();
            return _salt!;
        }
    }

    /// <summary>
    /// Creates the database (and its folder) if needed, applies the migrations not yet applied and reads the salt.
    /// </summary>
    /// <exception cref="StoreOpenException">The database cannot be reached, created or migrated; the message is one line.</exception>
    public void Open()
    {
        lock (_opening)
        {
            if (_salt is null)
            {
                OpenOnce();
            }
        }
    }

    private void OpenOnce()
    {
        if (_badConnectionString is not null)
        {
            throw new StoreOpenException($"Storage:ConnectionString cannot be read as a PostgreSQL connection string ({OneLine(_badConnectionString.Message)})", _badConnectionString);
        }

        try
        {
            if (_postgres is null)
            {
                Directory.CreateDirectory(_options.ResolvePath());
                using (var connection = new SqliteConnection(_sqlite))
                {
                    connection.Open();
                    connection.Execute("PRAGMA journal_mode=WAL;");
                }

                Migrate(DeployChanges.To.SqliteDatabase(_sqlite));
            }
            else
            {
                using var locked = _postgres.OpenConnection();
                locked.Execute("SELECT pg_advisory_lock(@id)", new { id = MigrationLock });
                try
                {
                    Migrate(DeployChanges.To.PostgresqlDatabase(_options.ConnectionString));
                }
                finally
                {
                    locked.Execute("SELECT pg_advisory_unlock(@id)", new { id = MigrationLock });
                }
            }

            _salt = ReadSalt();
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            throw new StoreOpenException($"the {_options.Provider} store at {Describe()} cannot be opened ({OneLine(ex.Message)}); check Storage:{(_options.Provider == StorageOptions.Postgres ? "ConnectionString" : "Path")}", ex);
        }
    }

    /// <summary>A connection to the database, which is opened and migrated first if it was not yet (<see cref="Open"/>).</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_salt is null)
        {
            Open();
        }

        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public void Dispose() => _postgres?.Dispose();

    private static void Migrate(UpgradeEngineBuilder builder)
    {
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(StoreDatabase).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"migration {result.ErrorScript?.Name ?? "?"} failed: {result.Error?.Message}", result.Error);
        }
    }

    /// <summary>
    /// The salt: Storage:UserSalt when set; else the one generated at the first start and kept beside the data (a
    /// file next to the SQLite database, readable by this user only; a row of the PostgreSQL database, shared by
    /// every replica).
    /// </summary>
    private byte[] ReadSalt()
    {
        if (_options.UserSalt is { Length: > 0 } configured)
        {
            return Encoding.UTF8.GetBytes(configured.Trim());
        }

        if (_postgres is null)
        {
            var file = System.IO.Path.Combine(_options.ResolvePath(), "user-key.salt");
            if (!File.Exists(file))
            {
                var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                try
                {
                    var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                    if (!OperatingSystem.IsWindows())
                    {
                        create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                    }

                    using var stream = new FileStream(file, create);
                    stream.Write(Encoding.ASCII.GetBytes(fresh));
                }
                catch (IOException) when (File.Exists(file))
                {
                    // Another process wrote it first: theirs is the one.
                }
            }

            var text = File.ReadAllText(file).Trim();
            return text.Length >= 16 ? Encoding.UTF8.GetBytes(text) : throw new InvalidOperationException($"{file} holds no salt; delete it to make a new one (every user key changes)");
        }

        using var connection = _postgres.OpenConnection();
        connection.Execute(
            "INSERT INTO installation (name, value) VALUES ('user_salt', @value) ON CONFLICT (name) DO NOTHING",
            new { value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        return Encoding.UTF8.GetBytes(connection.ExecuteScalar<string>("SELECT value FROM installation WHERE name = 'user_salt'")!);
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

/// <summary>The store cannot be opened or migrated; the message is the one line to show.</summary>
public sealed class StoreOpenException(string message, Exception inner) : Exception(message, inner);
