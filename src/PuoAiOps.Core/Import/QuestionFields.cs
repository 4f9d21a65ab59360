using System.Globalization;

namespace PuoAiOps.Core.Import;

/// <summary>The fields of a question row (CSV columns or JSON properties) and their validation.</summary>
internal static class QuestionFields
{
    public const int Text = 0;
    public const int ExternalId = 1;
    public const int UserId = 2;
    public const int Channel = 3;
    public const int Locale = 4;
    public const int CreatedAt = 5;
    public const int Source = 6;
    public const int Count = 7;

    public static readonly string[] Names = ["text", "external_id", "user_id", "channel", "locale", "created_at", "source"];

    /// <summary>Index of a column or property name; "External ID", "externalId" and "external-id" all map to external_id.</summary>
    public static int IndexOf(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[32];
        var n = 0;
        foreach (var c in name.Trim())
        {
            if (c is '_' or '-' or ' ') continue;
            if (n == key.Length) return -1;
            key[n++] = char.ToLowerInvariant(c);
        }
        return key[..n] switch
        {
            "text" => Text,
            "externalid" => ExternalId,
            "userid" => UserId,
            "channel" => Channel,
            "locale" => Locale,
            "createdat" => CreatedAt,
            "source" => Source,
            _ => -1,
        };
    }

    /// <summary>Checks the decoded values of one row and builds the record, or says why not.</summary>
    public static ParsedRow Build(long line, string?[] values, QuestionParserOptions options)
    {
        // PostgreSQL refuses NUL in text, and no question needs one.
        foreach (var value in values)
            if (value is not null && value.Contains('\0')) return ParsedRow.Reject(line, QuestionRowMessage.NulCharacter);
        var text = values[Text]?.Trim();
        if (string.IsNullOrEmpty(text)) return ParsedRow.Reject(line, QuestionRowMessage.MissingText);
        if (text.Length > options.MaxTextLength) return ParsedRow.Reject(line, QuestionRowMessage.TextTooLong, options.MaxTextLength);
        for (var f = ExternalId; f < Count; f++)
        {
            var value = values[f] = values[f]?.Trim() is { Length: > 0 } v ? v : null;
            if (value is not null && value.Length > options.MaxFieldLength)
                return ParsedRow.Reject(line, QuestionRowMessage.FieldTooLong, Names[f], options.MaxFieldLength);
        }
        DateTime? createdAt = null;
        if (values[CreatedAt] is { } raw)
        {
            if (!TryParseDate(raw, out var parsed)) return ParsedRow.Reject(line, QuestionRowMessage.BadDate);
            createdAt = parsed;
        }
        return ParsedRow.Accept(new QuestionRecord
        {
            Line = line,
            Text = text,
            ExternalId = values[ExternalId],
            UserId = values[UserId],
            Channel = values[Channel],
            Locale = values[Locale],
            Source = values[Source],
            CreatedAt = createdAt,
        });
    }

    /// <summary>ISO 8601 (offset or Z; no offset means UTC) or Unix time in seconds or milliseconds; years 1970–2100.</summary>
    public static bool TryParseDate(string raw, out DateTime utc)
    {
        utc = default;
        if (raw.Length is >= 9 and <= 13 && raw.All(char.IsAsciiDigit))
        {
            var number = long.Parse(raw, CultureInfo.InvariantCulture);
            var ms = raw.Length == 13 ? number : number * 1000;
            utc = DateTime.UnixEpoch.AddMilliseconds(ms);
        }
        else if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto))
            utc = dto.UtcDateTime;
        else
            return false;
        return utc.Year is >= 1970 and <= 2100;
    }
}
