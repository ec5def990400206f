using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Channels.Teams.Protocol;

/// <summary>
/// The fields of a Bot Connector v3 activity that PaperBot reads. Anything else the channel sends is kept in
/// <see cref="Extra"/> and ignored, so new fields never break parsing. Read leniently (<see cref="ProtocolJson"/>):
/// a field of the wrong type reads as missing and null or wrong-typed list elements are dropped, so no shape of
/// activity can crash a turn; what is missing is checked where it is used.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    [JsonConverter(typeof(LenientObjectConverter<ChannelAccount>))]
    public ChannelAccount? From { get; init; }

    [JsonConverter(typeof(LenientObjectConverter<ChannelAccount>))]
    public ChannelAccount? Recipient { get; init; }

    [JsonConverter(typeof(LenientObjectConverter<ConversationAccount>))]
    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    [JsonConverter(typeof(LenientListConverter<Entity>))]
    public IReadOnlyList<Entity>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    public JsonElement? Value { get; init; }

    public string? Name { get; init; }

    public string? Action { get; init; }

    [JsonConverter(typeof(LenientListConverter<ChannelAccount>))]
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    [JsonConverter(typeof(LenientListConverter<ChannelAccount>))]
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A user or the bot.</summary>
public sealed record ChannelAccount(string? Id, string? Name = null)
{
    public string? AadObjectId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A personal chat, group chat or channel thread.</summary>
public sealed record ConversationAccount(string? Id)
{
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>An entity of an incoming activity; PaperBot reads mentions and ignores the rest.</summary>
public sealed record Entity
{
    public string? Type { get; init; }

    [JsonConverter(typeof(LenientObjectConverter<ChannelAccount>))]
    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Activity type names.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
}

/// <summary>The one JSON dialect of the Bot Connector: camelCase, nulls left out, wrong-typed scalars read as missing.</summary>
internal static class ProtocolJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new LenientStringConverter(), new LenientBooleanConverter() },
    };
}

/// <summary>A string, or null when the JSON has anything else there (a number, an object, an array).</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A boolean, or null when the JSON has anything else there.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return reader.GetBoolean();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>An object of type <typeparamref name="T"/>, or null when the JSON has anything but an object there.</summary>
internal sealed class LenientObjectConverter<T> : JsonConverter<T?>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonSerializer.Deserialize<T>(ref reader, options);
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, options);
}

/// <summary>A list of the array's objects, skipping null and wrong-typed elements; null when the JSON has no array there.</summary>
internal sealed class LenientListConverter<T> : JsonConverter<IReadOnlyList<T>?>
    where T : class
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject && JsonSerializer.Deserialize<T>(ref reader, options) is { } item)
            {
                items.Add(item);
            }
            else
            {
                reader.Skip();
            }
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T>? value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, options);
}
