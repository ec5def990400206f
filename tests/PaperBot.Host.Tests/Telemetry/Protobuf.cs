using System.Text;

namespace PaperBot.Host.Tests.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP export requests: a message is a list of fields, each a
/// number and a varint, a fixed-size value or length-delimited bytes (a string or a nested message).
/// </summary>
public static class Protobuf
{
    public readonly record struct Field(int Number, ulong Varint, byte[]? Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes ?? []);
    }

    public static List<Field> Read(byte[] message)
    {
        var fields = new List<Field>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    fields.Add(new Field(number, Varint(message, ref at), null));
                    break;
                case 1:
                    fields.Add(new Field(number, BitConverter.ToUInt64(message, at), null));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    fields.Add(new Field(number, 0, message[at..(at + length)]));
                    at += length;
                    break;
                case 5:
                    fields.Add(new Field(number, BitConverter.ToUInt32(message, at), null));
                    at += 4;
                    break;
                default:
                    throw new FormatException($"wire type {key & 7} at byte {at}");
            }
        }

        return fields;
    }

    /// <summary>The nested messages reached by following field numbers (<c>1, 2, 2</c>: resource spans, scope spans, spans).</summary>
    public static IEnumerable<byte[]> Path(byte[] message, params int[] numbers)
    {
        IEnumerable<byte[]> level = [message];
        foreach (var number in numbers)
        {
            level = level.SelectMany(m => Read(m).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!)).ToList();
        }

        return level;
    }

    public static string? String(byte[] message, int number) =>
        Read(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Text).FirstOrDefault();

    /// <summary>OTLP attributes (<c>KeyValue</c>: key 1, <c>AnyValue</c> 2 with string 1, int 3, double 4) as text.</summary>
    public static Dictionary<string, string> Attributes(byte[] message, int number)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Read(message).Where(f => f.Number == number && f.Bytes is not null))
        {
            var key = String(pair.Bytes!, 1) ?? "";
            var value = Read(pair.Bytes!).FirstOrDefault(f => f.Number == 2).Bytes;
            var any = value is null ? [] : Read(value);
            attributes[key] = any.Count == 0 ? "" : any[0] switch
            {
                { Number: 1 } s => s.Text,
                { Number: 3 } i => ((long)i.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                { Number: 4 } d => BitConverter.UInt64BitsToDouble(d.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                var other => other.Varint.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return attributes;
    }

    private static ulong Varint(byte[] data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
