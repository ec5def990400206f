using System.Text.Json.Serialization;

namespace PaperBot.Channels.Teams.Protocol;

/// <summary>An activity PaperBot sends: a typing indicator, a welcome or an answer.</summary>
public sealed record OutgoingActivity
{
    public required string Type { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    /// <summary>Entities are of several shapes; each is written with its own runtime type.</summary>
    public IReadOnlyList<object>? Entities { get; init; }

    public OutgoingChannelData? ChannelData { get; init; }

    /// <summary>Cards (an Adaptive Card for a quiz, a hero card of suggested questions in a channel).</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>Buttons above the compose box (1:1 and group chats); Teams shows the first three.</summary>
    public SuggestedActions? SuggestedActions { get; init; }
}

/// <summary>The <c>suggestedActions</c> of a message: the buttons offered next.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>
/// A button. <c>imBack</c> posts <see cref="Value"/> into the conversation as a message from the user who pressed it
/// (everyone in the chat sees it), as if typed.
/// </summary>
public sealed record CardAction(string Type, string Title, string Value)
{
    public const string ImBack = "imBack";
}

/// <summary>A hero card: a title and buttons (here, the suggested questions of a channel reply).</summary>
public sealed record HeroCard(string? Text, IReadOnlyList<CardAction> Buttons)
{
    public const string ContentType = "application/vnd.microsoft.card.hero";
}

/// <summary>A card attached to a message.</summary>
public sealed record Attachment(string ContentType, object Content);

/// <summary>Teams-specific data on a reply.</summary>
public sealed record OutgoingChannelData
{
    /// <summary>Shows Like/Dislike under the message; the choice comes back as a <c>message/submitAction</c> invoke.</summary>
    public bool? FeedbackLoopEnabled { get; init; }
}

/// <summary>The root <c>https://schema.org/Message</c> entity: the AI label and the citations.</summary>
public sealed record AiMessageEntity
{
    public string Type { get; init; } = "https://schema.org/Message";

    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "Message";

    [JsonPropertyName("@context")]
    public string Context { get; init; } = "https://schema.org";

    [JsonPropertyName("@id")]
    public string SchemaId { get; init; } = "";

    public IReadOnlyList<string> AdditionalType { get; init; } = ["AIGeneratedContent"];

    public IReadOnlyList<CitationClaim> Citation { get; init; } = [];
}

/// <summary>One citation pill: <see cref="Position"/> is the <c>[n]</c> marker in the text.</summary>
public sealed record CitationClaim(int Position, CitationAppearance Appearance)
{
    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "Claim";
}

/// <summary>What the pill shows: the section (<see cref="Name"/>) and the verbatim quote (<see cref="Abstract"/>).</summary>
public sealed record CitationAppearance(string Name, string Abstract)
{
    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "DigitalDocument";
}

/// <summary>The Bot Connector's answer to a send: the new activity's id.</summary>
public sealed record ResourceResponse(string? Id);
