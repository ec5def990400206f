namespace PaperBot.Storage.Tests;

/// <summary>The store suite on SQLite, a database file in a folder of the test's own.</summary>
public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"paperbot-store-{Guid.NewGuid():N}");

    protected override ValueTask<StorageOptions> NewDatabaseAsync() =>
        ValueTask.FromResult(new StorageOptions { Provider = StorageOptions.Sqlite, Path = _folder });

    [Fact]
    public void Open_FolderIsAFile_SaysSoInOneLineNamingTheSetting()
    {
        var file = Path.Combine(Path.GetTempPath(), $"paperbot-not-a-folder-{Guid.NewGuid():N}");
        File.WriteAllText(file, "");
        try
        {
            using var database = new StoreDatabase(new StorageOptions { Path = file });

            var error = Assert.Throws<StoreOpenException>(database.Open);

            Assert.DoesNotContain('\n', error.Message);
            Assert.Contains("Storage:Path", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Salt_GeneratedOnceBesideTheDatabase_ReadableByThisUserOnly()
    {
        using var first = new StoreDatabase(new StorageOptions { Path = _folder });
        first.Open();
        using var second = new StoreDatabase(new StorageOptions { Path = _folder });
        second.Open();

        Assert.Equal(first.Salt, second.Salt);
        var file = Path.Combine(_folder, "user-key.salt");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var elsewhere = new StoreDatabase(new StorageOptions { Path = _folder + "-other" });
        elsewhere.Open();
        Assert.NotEqual(first.Salt, elsewhere.Salt);
        Directory.Delete(_folder + "-other", recursive: true);
    }

    [Fact]
    public void Salt_FromSettings_IsUsedAndNoFileIsWritten()
    {
        using var database = new StoreDatabase(new StorageOptions { Path = _folder, UserSalt = "a salt from the environment" });
        database.Open();

        Assert.Equal("a salt from the environment"u8.ToArray(), database.Salt);
        Assert.False(File.Exists(Path.Combine(_folder, "user-key.salt")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
