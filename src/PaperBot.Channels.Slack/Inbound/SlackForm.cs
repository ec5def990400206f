using System.Text;

namespace PaperBot.Channels.Slack.Inbound;

/// <summary>
/// A strict reader for <c>application/x-www-form-urlencoded</c> bodies: every pair has a name and an <c>=</c>, every
/// <c>%</c> escape is two hex digits, the decoded text is valid UTF-8. Anything else is malformed, so garbage is
/// refused with 400 instead of being read as an empty command.
/// </summary>
internal static class SlackForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryParse(ReadOnlySpan<byte> body, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.IsEmpty)
        {
            return false;
        }

        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            if (equals <= 0 || !TryDecode(pair[..equals], out var name) || !TryDecode(pair[(equals + 1)..], out var value))
            {
                return false;
            }

            fields[name] = value;
        }

        return fields.Count > 0;
    }

    private static bool TryDecode(ReadOnlySpan<byte> encoded, out string value)
    {
        value = "";
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || !IsHex(encoded[i + 1]) || !IsHex(encoded[i + 2]))
                {
                    return false;
                }

                bytes[length++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else if (b < 0x20 || b > 0x7E)
            {
                // Raw control characters or non-ASCII bytes never appear in a urlencoded body.
                return false;
            }
            else
            {
                bytes[length++] = b;
            }
        }

        try
        {
            value = StrictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
