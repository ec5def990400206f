using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>
/// Passage embeddings kept on disk, keyed by the model id and a hash of the text: a second start does not re-embed,
/// and a changed or added document only embeds what is new. One file per model in the cache folder.
/// </summary>
/// <remarks>
/// The file is only ever trusted whole (<see cref="EmbeddingCacheFile"/>: a versioned header naming the model and the
/// dimension, then the entries, then a checksum of everything before it). Any mismatch, any read error and any vector
/// that is not finite and of unit length sets the file aside (renamed, one warning) and the cache is rebuilt: a damaged
/// cache costs one re-embedding, never a wrong answer or a failed start. Writers in several processes sharing the folder
/// take a lock file, merge what is on disk with what they hold, and replace the file by an atomic rename, so no writer
/// loses another's entries.
/// </remarks>
public sealed class EmbeddingCache
{
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(10);
    private readonly string? _file;
    private readonly int _dimensions;
    private readonly ILogger _logger;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _saveGate = new(1, 1);

    /// <param name="cacheFolder">The folder; <c>null</c> keeps the cache in memory only.</param>
    /// <param name="modelId">The embedding model's id, part of every key and of the file's header.</param>
    /// <param name="dimensions">The model's vector length; 0 when unknown (then only the file's own header is checked).</param>
    /// <param name="logger">Where the one warning about a damaged file goes.</param>
    public EmbeddingCache(string? cacheFolder, string modelId, int dimensions = 0, ILogger? logger = null)
    {
        ModelId = modelId;
        _dimensions = dimensions;
        _logger = logger ?? NullLogger.Instance;
        if (!string.IsNullOrWhiteSpace(cacheFolder))
        {
            _file = Path.Combine(cacheFolder, $"embeddings-{Sanitise(modelId)}.bin");
            Load();
        }
    }

    public string ModelId { get; }

    /// <summary>How many texts the last <see cref="GetOrAddAsync"/> had to embed.</summary>
    public int LastMisses { get; private set; }

    /// <summary>Where the last damaged file was moved to (null when none was found).</summary>
    public string? SetAsidePath { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _vectors.Count;
            }
        }
    }

    /// <summary>How many distinct texts of these the cache lacks (what an index build will embed).</summary>
    public int CountMissing(IEnumerable<string> texts)
    {
        var keys = texts.Distinct(StringComparer.Ordinal).Select(Key).ToList();
        lock (_gate)
        {
            return keys.Count(k => !_vectors.ContainsKey(k));
        }
    }

    /// <summary>Writes what was added since the last save (after calls made with <c>save: false</c>).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => SaveAsync(cancellationToken);

    /// <summary>Returns a vector for each text, embedding only those not cached yet, then saves the cache (unless told not to).</summary>
    public async Task<float[][]> GetOrAddAsync(
        IReadOnlyList<string> texts,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        CancellationToken cancellationToken,
        bool save = true)
    {
        var keys = texts.Select(Key).ToArray();
        var result = new float[texts.Count][];
        var missing = new List<int>();
        lock (_gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (_vectors.TryGetValue(keys[i], out var vector))
                {
                    result[i] = vector;
                }
                else
                {
                    missing.Add(i);
                }
            }
        }

        LastMisses = missing.Count;
        if (missing.Count > 0)
        {
            // A text met twice is embedded once.
            var distinct = missing.Select(i => texts[i]).Distinct(StringComparer.Ordinal).ToList();
            var made = await generator.GenerateAsync(distinct, cancellationToken: cancellationToken).ConfigureAwait(false);
            var byText = new Dictionary<string, Embedding<float>>(StringComparer.Ordinal);
            for (var d = 0; d < distinct.Count; d++)
            {
                byText[distinct[d]] = made[d];
            }

            var generated = missing.Select(i => byText[texts[i]]).ToList();
            var added = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (var j = 0; j < missing.Count; j++)
            {
                var vector = generated[j].Vector.ToArray();
                result[missing[j]] = vector;
                added[keys[missing[j]]] = vector;
            }

            lock (_gate)
            {
                foreach (var (key, vector) in added)
                {
                    _vectors[key] = vector;
                }
            }

            if (save)
            {
                await SaveAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    private string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ModelId + "\n" + text)));

    private void Load()
    {
        var read = ReadFile();
        if (read is not null)
        {
            foreach (var (key, vector) in read)
            {
                _vectors[key] = vector;
            }
        }
    }

    /// <summary>The file's entries; null when there is none, or when it was damaged (then it has been set aside).</summary>
    private Dictionary<string, float[]>? ReadFile()
    {
        if (_file is null || !File.Exists(_file))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // unreadable here (another process replacing it, permissions): embed again, leave the file be
        }

        var outcome = EmbeddingCacheFile.Read(bytes, ModelId, _dimensions);
        if (outcome.Entries is not null)
        {
            return outcome.Entries;
        }

        SetAside(outcome.Problem ?? "unreadable");
        return null;
    }

    private void SetAside(string problem)
    {
        var target = $"{_file}.damaged-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        try
        {
            File.Move(_file!, target, overwrite: true);
            SetAsidePath = target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            target = "(could not be moved)";
        }

        Log.CacheSetAside(_logger, _file!, problem, target);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return;
        }

        await _saveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            using var fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
            if (fileLock is null)
            {
                Log.CacheLockTimedOut(_logger, _file);
                return;
            }

            // Whatever another process wrote since this one loaded is kept: merge, then replace in one rename.
            var onDisk = ReadFile();
            Dictionary<string, float[]> merged;
            lock (_gate)
            {
                if (onDisk is not null)
                {
                    foreach (var (key, vector) in onDisk)
                    {
                        _vectors.TryAdd(key, vector);
                    }
                }

                merged = new Dictionary<string, float[]>(_vectors, StringComparer.Ordinal);
            }

            var temp = $"{_file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temp, EmbeddingCacheFile.Write(ModelId, merged), cancellationToken).ConfigureAwait(false);
            File.Move(temp, _file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: an unwritable cache folder costs time at the next start, nothing else.
        }
        finally
        {
            _saveGate.Release();
        }
    }

    /// <summary>An exclusive lock on <c>{file}.lock</c>, shared with other processes; null when it is not had in time.</summary>
    private async Task<FileStream?> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = _file + ".lock";
        var deadline = DateTime.UtcNow + LockPatience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another writer holds it for the few milliseconds a save takes; try again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    private static string Sanitise(string value) => string.Concat(value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
