using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace PaperBot.Knowledge.Embeddings;

/// <summary>
/// Passage embeddings kept on disk, keyed by the model id and a hash of the text: a second start does not re-embed,
/// and a changed or added document only embeds what is new. One file per model in the cache folder.
/// A damaged cache file is ignored and rewritten; it never stops the bot from starting.
/// </summary>
public sealed class EmbeddingCache
{
    private const uint Magic = 0x50424543; // "PBEC"
    private readonly string? _file;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _dirty;

    /// <param name="cacheFolder">The folder; <c>null</c> keeps the cache in memory only.</param>
    /// <param name="modelId">The embedding model's id, part of every key.</param>
    public EmbeddingCache(string? cacheFolder, string modelId)
    {
        ModelId = modelId;
        if (!string.IsNullOrWhiteSpace(cacheFolder))
        {
            _file = Path.Combine(cacheFolder, $"embeddings-{Sanitise(modelId)}.bin");
            Load();
        }
    }

    public string ModelId { get; }

    /// <summary>How many texts the last <see cref="GetOrAddAsync"/> had to embed.</summary>
    public int LastMisses { get; private set; }

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

    /// <summary>Returns a vector for each text, embedding only those not cached yet, then saves the cache.</summary>
    public async Task<float[][]> GetOrAddAsync(
        IReadOnlyList<string> texts,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        CancellationToken cancellationToken)
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
            var generated = await generator.GenerateAsync(missing.Select(i => texts[i]), cancellationToken: cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                for (var j = 0; j < missing.Count; j++)
                {
                    var vector = generated[j].Vector.ToArray();
                    result[missing[j]] = vector;
                    _vectors[keys[missing[j]]] = vector;
                }

                _dirty = true;
            }

            Save();
        }

        return result;
    }

    private string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ModelId + "\n" + text)));

    private void Load()
    {
        if (_file is null || !File.Exists(_file))
        {
            return;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(_file));
            if (reader.ReadUInt32() != Magic)
            {
                return;
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var length = reader.ReadInt32();
                var vector = new float[length];
                for (var d = 0; d < length; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                _vectors[key] = vector;
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or UnauthorizedAccessException or ArgumentOutOfRangeException or OverflowException)
        {
            _vectors.Clear(); // a damaged cache is rebuilt, never trusted in part
        }
    }

    private void Save()
    {
        if (_file is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_dirty)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                var temp = _file + "." + Environment.ProcessId + ".tmp";
                using (var writer = new BinaryWriter(File.Create(temp)))
                {
                    writer.Write(Magic);
                    writer.Write(_vectors.Count);
                    foreach (var (key, vector) in _vectors)
                    {
                        writer.Write(key);
                        writer.Write(vector.Length);
                        foreach (var value in vector)
                        {
                            writer.Write(value);
                        }
                    }
                }

                File.Move(temp, _file, overwrite: true);
                _dirty = false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The cache is an optimisation: an unwritable cache folder costs time at the next start, nothing else.
            }
        }
    }

    private static string Sanitise(string value) => string.Concat(value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
