using System.Text.Json;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Scripts.AgentReplies;

/// <summary>One reply read from a file, before redaction; <see cref="Line"/> is where it starts.</summary>
public sealed record AgentReplyRow(int Line, string Text, string? Question, string? IntentKey, string? Locale);

/// <summary>
/// Reads agent replies from CSV (with a header) or JSON Lines. The reply is the column <c>response</c>
/// (also <c>reply</c>, <c>agent_response</c> or <c>text</c>); optional columns are the question it answered
/// (<c>instruction</c> or <c>question</c>), <c>intent</c> and <c>locale</c>. That is the shape of public support
/// data sets such as Bitext's, whose <c>{{Order Number}}</c> placeholders the standardizer turns into variables.
/// Every bad row is reported with its line, as a code (<see cref="ScriptFileMessage"/>); nothing is half-read.
/// </summary>
public static class AgentReplyFile
{
    public const int MaxReplyLength = ScriptStandardizeService.MaxInputLength;
    public const int MaxErrors = 20;

    private static readonly string[] ReplyColumns = ["response", "reply", "agent_response", "text"];
    private static readonly string[] QuestionColumns = ["instruction", "question"];

    public static (IReadOnlyList<AgentReplyRow> Rows, IReadOnlyList<CodedMessage> Errors) Read(TextReader reader, string fileName, int maxRows)
    {
        var first = reader.Peek();
        while (first is ' ' or '\t' or '\r' or '\n' or '\uFEFF') { reader.Read(); first = reader.Peek(); }
        var jsonLines = first == '{' || fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var rows = new List<AgentReplyRow>();
        var errors = new List<CodedMessage>();
        foreach (var (line, fields, found) in jsonLines ? JsonLines(reader) : Csv(reader))
        {
            var problem = found;
            if (problem is null && fields is not null)
            {
                var text = First(fields, ReplyColumns);
                if (string.IsNullOrWhiteSpace(text)) problem = CodedMessage.Of(ScriptFileMessage.NoReply, line, string.Join(", ", ReplyColumns));
                else if (text.Length > MaxReplyLength) problem = CodedMessage.Of(ScriptFileMessage.ReplyTooLong, line, text.Length, MaxReplyLength);
                else if (rows.Count >= maxRows) problem = CodedMessage.Of(ScriptFileMessage.TooManyReplies, line, maxRows);
                else rows.Add(new AgentReplyRow(line, text.Trim(), Blank(First(fields, QuestionColumns)), Blank(fields.GetValueOrDefault("intent")), Blank(fields.GetValueOrDefault("locale"))));
            }
            if (problem is not null && errors.Count < MaxErrors) errors.Add(problem);
            if (rows.Count > maxRows) break;
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(CodedMessage.Of(ScriptFileMessage.NoReplies));
        return (rows, errors);
    }

    private static IEnumerable<(int Line, Dictionary<string, string>? Fields, CodedMessage? Problem)> Csv(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        var (header, _, broken) = Next(csv);
        if (broken is not null) yield return (1, null, broken);
        if (header is null) yield break;
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!names.Any(ReplyColumns.Contains))
        {
            yield return (1, null, CodedMessage.Of(ScriptFileMessage.NoReplyColumn, string.Join(", ", ReplyColumns)));
            yield break;
        }
        while (true)
        {
            var (values, line, unreadable) = Next(csv);
            if (unreadable is not null) yield return (line, null, unreadable);
            if (values is null) yield break;
            if (values.Count == 1 && values[0].Length == 0) continue; // a blank line
            if (values.Count != names.Count)
            {
                yield return (line, null, CodedMessage.Of(ScriptFileMessage.FieldCount, line, values.Count, names.Count));
                continue;
            }
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++) fields.TryAdd(names[i], values[i]);
            yield return (line, fields, null);
        }
    }

    /// <summary>The next record; an unterminated quote swallows the rest of the file, so it ends the reading with a lined error.</summary>
    private static (List<string>? Values, int Line, CodedMessage? Problem) Next(CsvRecordReader csv)
    {
        try
        {
            return csv.TryRead(out var values, out var line) ? (values, line, null) : (null, line, null);
        }
        catch (CsvRecordReader.UnterminatedQuoteException ex)
        {
            return (null, ex.LineNumber, CodedMessage.Of(ScriptFileMessage.UnterminatedQuote, ex.LineNumber));
        }
    }

    private static IEnumerable<(int Line, Dictionary<string, string>? Fields, CodedMessage? Problem)> JsonLines(TextReader reader)
    {
        var line = 0;
        while (reader.ReadLine() is { } raw)
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            Dictionary<string, string>? fields = null;
            CodedMessage? problem = null;
            try
            {
                using var doc = JsonDocument.Parse(raw);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) problem = CodedMessage.Of(ScriptFileMessage.NotJsonObject, line);
                else fields = doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .GroupBy(p => p.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Value.GetString() ?? "", StringComparer.Ordinal);
            }
            catch (JsonException)
            {
                problem = CodedMessage.Of(ScriptFileMessage.NotJson, line);
            }
            yield return (line, fields, problem);
        }
    }

    private static string? First(Dictionary<string, string> fields, string[] names) =>
        names.Select(fields.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
