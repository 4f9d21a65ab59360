using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace PuoAiOps.Core.Import;

/// <summary>
/// One JSON object per line with the same fields as the CSV columns. Ids may be numbers; unknown
/// properties are ignored. Reasons never quote the line, which may hold personal data.
/// </summary>
internal sealed class JsonLinesRowParser(QuestionParserOptions options)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };
    private readonly string?[] _values = new string?[QuestionFields.Count];

    /// <summary>Parses one line; null for a blank line.</summary>
    public ParsedRow? Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (line.IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) return null;
        if (!Utf8.IsValid(line)) return ParsedRow.Reject(lineNumber, QuestionRowMessage.InvalidUtf8);
        Array.Clear(_values);
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return ParsedRow.Reject(lineNumber, QuestionRowMessage.NotJsonObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader);
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        if (field >= 0) _values[field] = reader.GetString();
                        break;
                    case JsonTokenType.Number when field != QuestionFields.Text:
                        if (field >= 0) _values[field] = Encoding.UTF8.GetString(reader.ValueSpan);
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        if (field >= 0) return ParsedRow.Reject(lineNumber, QuestionRowMessage.NotAString, QuestionFields.Names[field]);
                        reader.Skip();
                        break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return ParsedRow.Reject(lineNumber, QuestionRowMessage.MoreThanOneValue);
        }
        catch (JsonException ex)
        {
            return ParsedRow.Reject(lineNumber, QuestionRowMessage.InvalidJsonAt, (ex.BytePositionInLine ?? 0) + 1);
        }
        catch (InvalidOperationException)
        {
            // GetString throws this (not JsonException) for a \uD800-style escape without its pair.
            return ParsedRow.Reject(lineNumber, QuestionRowMessage.UnpairedSurrogate);
        }
        return QuestionFields.Build(lineNumber, _values, options);
    }

    private static int FieldOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            // The documented spellings compare without allocating a string.
            var name = reader.ValueSpan;
            if (name.SequenceEqual("text"u8)) return QuestionFields.Text;
            if (name.SequenceEqual("external_id"u8)) return QuestionFields.ExternalId;
            if (name.SequenceEqual("user_id"u8)) return QuestionFields.UserId;
            if (name.SequenceEqual("channel"u8)) return QuestionFields.Channel;
            if (name.SequenceEqual("locale"u8)) return QuestionFields.Locale;
            if (name.SequenceEqual("created_at"u8)) return QuestionFields.CreatedAt;
            if (name.SequenceEqual("source"u8)) return QuestionFields.Source;
            if (name.Length > 32) return -1;
        }
        return QuestionFields.IndexOf(reader.GetString());
    }
}
