using System.Text.Json;

namespace PuoAiOps.Core.Classification;

/// <summary>File formats of labelled questions.</summary>
public enum IntentDataFormat
{
    /// <summary>RFC 4180 CSV whose header names a <c>text</c> and a <c>label</c> column (others are ignored).</summary>
    Csv,

    /// <summary>One JSON object per line with string properties <c>text</c> and <c>label</c>.</summary>
    JsonLines,
}

/// <summary>
/// Reads labelled questions. Every problem (missing header column, empty label, bad JSON,
/// unterminated quote) throws <see cref="IntentDataFormatException"/> naming the line, so a
/// curator can fix the file instead of getting a silently smaller data set.
/// </summary>
public static class IntentDataReader
{
    /// <summary>The format a file name implies: .jsonl/.ndjson/.json are JSON lines, anything else CSV.</summary>
    public static IntentDataFormat FormatFromPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json" ? IntentDataFormat.JsonLines : IntentDataFormat.Csv;

    public static IReadOnlyList<LabeledText> Read(TextReader reader, IntentDataFormat format, string? source = null) =>
        format == IntentDataFormat.Csv ? ReadCsv(reader, source) : ReadJsonLines(reader, source);

    public static IReadOnlyList<LabeledText> ReadCsv(TextReader reader, string? source = null)
    {
        var csv = new CsvRecordReader(reader);
        if (!csv.TryRead(out var header, out _) || header.Count == 0 || header is [""])
            throw new IntentDataFormatException(1, "empty file: expected a header with 'text' and 'label' columns", source);
        var textColumn = ColumnOf(header, "text");
        var labelColumn = ColumnOf(header, "label");
        if (textColumn < 0 || labelColumn < 0)
            throw new IntentDataFormatException(1, $"the header must name 'text' and 'label' columns (found: {string.Join(", ", header)})", source);

        var rows = new List<LabeledText>();
        try
        {
            while (csv.TryRead(out var fields, out var line))
            {
                if (fields is [""]) continue; // blank line
                if (fields.Count != header.Count)
                    throw new IntentDataFormatException(line, $"expected {header.Count} fields, found {fields.Count}", source);
                rows.Add(Validated(fields[textColumn], fields[labelColumn], line, source));
            }
        }
        catch (CsvRecordReader.UnterminatedQuoteException ex)
        {
            throw new IntentDataFormatException(ex.LineNumber, "unterminated quoted field", source);
        }
        return rows;
    }

    public static IReadOnlyList<LabeledText> ReadJsonLines(TextReader reader, string? source = null)
    {
        var rows = new List<LabeledText>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new IntentDataFormatException(lineNumber, $"invalid JSON ({ex.Message})", source);
            }
            catch (ArgumentException)
            {
                // A line read from a string (not from UTF-8 bytes) may hold half a surrogate pair, which JSON cannot transcode.
                throw new IntentDataFormatException(lineNumber, "invalid text: an unpaired surrogate character", source);
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    throw new IntentDataFormatException(lineNumber, "expected a JSON object with 'text' and 'label'", source);
                string? text, label;
                try
                {
                    text = StringProperty(doc.RootElement, "text");
                    label = StringProperty(doc.RootElement, "label");
                }
                catch (InvalidOperationException)
                {
                    // GetString throws this (not JsonException) for a "\ud800" escape without its pair.
                    throw new IntentDataFormatException(lineNumber, "invalid JSON: unpaired surrogate escape", source);
                }
                rows.Add(Validated(text, label, lineNumber, source));
            }
        }
        return rows;
    }

    private static string? StringProperty(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static LabeledText Validated(string? text, string? label, int line, string? source)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new IntentDataFormatException(line, "missing text", source);
        if (string.IsNullOrWhiteSpace(label)) throw new IntentDataFormatException(line, "missing label", source);
        return new LabeledText(text, label.Trim());
    }

    private static int ColumnOf(List<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
