using System.Text;
using CsCheck;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Core.Tests.Properties;

/// <summary>
/// The question-file and labelled-data readers over files whose rows hold <see cref="HostileText"/>,
/// written correctly (quoted, escaped) or raw: every row is either accepted or rejected with the
/// line it starts on, and nothing else ever escapes.
/// </summary>
public sealed class ReaderProperties
{
    /// <summary>Rows of hostile text, each either properly encoded for its format or written raw.</summary>
    private static readonly Gen<(string Text, bool Raw)[]> Rows =
        Gen.Select(HostileText.Text.Where(t => t.Length < 20_000), Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))).Array[0, 12];

    [Fact]
    public void QuestionFileReader_Csv_AcceptsOrRejectsEachRowWithItsLine()
    {
        Rows.Sample(rows => AssertRowsReadWithLines(rows, csv: true), iter: 150, threads: 1);
    }

    [Fact]
    public void QuestionFileReader_JsonLines_AcceptsOrRejectsEachRowWithItsLine()
    {
        Rows.Sample(rows => AssertRowsReadWithLines(rows, csv: false), iter: 150, threads: 1);
    }

    [Fact]
    public void IntentDataReader_AnyRows_ReadsThemAllOrNamesALineOfTheFile()
    {
        Gen.Select(Rows, Gen.Bool).Sample((rows, csv) =>
        {
            var file = new StringBuilder(csv ? "text,label\n" : "");
            foreach (var (text, raw) in rows)
                file.Append(csv ? $"{(raw ? text : Quote(text))},lbl\n" : $"{(raw ? text : Json(text, "label", "lbl"))}\n");
            var content = file.ToString();
            // TextReader.ReadLine ends a line at \n, \r or \r\n.
            var lines = content.Split(["\r\n", "\r", "\n"], StringSplitOptions.None).Length;
            try
            {
                var items = IntentDataReader.Read(new StringReader(content), csv ? IntentDataFormat.Csv : IntentDataFormat.JsonLines, "data");
                Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Text)));
                // Raw rows may split into several records or merge; correctly written ones are one item each.
                if (rows.All(r => !r.Raw)) Assert.Equal(rows.Length, items.Count);
            }
            catch (IntentDataFormatException ex)
            {
                Assert.InRange(ex.LineNumber, 1, lines);
                Assert.Contains($"line {ex.LineNumber}", ex.Message, StringComparison.Ordinal);
            }
        }, iter: 200, threads: 1);
    }

    private static void AssertRowsReadWithLines((string Text, bool Raw)[] rows, bool csv)
    {
        var file = new StringBuilder(csv ? "text,user_id\n" : "");
        var starts = new List<long>();
        long line = csv ? 2 : 1;
        foreach (var (text, raw) in rows)
        {
            var row = csv ? $"{(raw ? text : Quote(text))},u1" : raw ? text : Json(text, "user_id", "u1");
            starts.Add(line);
            file.Append(row).Append('\n');
            line += row.Count(c => c == '\n') + 1;
        }
        var bytes = Encoding.UTF8.GetBytes(file.ToString());
        List<ParsedRow> parsed;
        try
        {
            parsed = ReadAll(bytes, csv ? "q.csv" : "q.jsonl");
        }
        catch (ImportFormatException ex)
        {
            // Only an empty file, or one whose first line is not a question file at all, may be refused whole.
            Assert.True(!csv && (rows.Length == 0 || rows[0].Raw || rows[0].Text.Trim().Length == 0), $"a well-formed file was refused whole: {ex.Message}");
            return;
        }
        var lines = parsed.Select(r => r.IsRejected ? r.Rejection.Line : r.Record!.Line).ToList();
        Assert.Equal(lines.Order(), lines);
        Assert.All(lines, l => Assert.InRange(l, 1, line));
        Assert.All(parsed.Where(r => r.IsRejected), r => Assert.False(string.IsNullOrWhiteSpace(r.Rejection.Reason)));
        if (rows.All(r => !r.Raw))
        {
            // Correctly written rows start exactly where they were written (blank ones are skipped).
            Assert.All(lines, l => Assert.Contains(l, starts));
        }
    }

    private static List<ParsedRow> ReadAll(byte[] bytes, string name)
    {
        using var reader = QuestionFileReader.OpenAsync(new MemoryStream(bytes), name, new QuestionParserOptions()).GetAwaiter().GetResult();
        var rows = new List<ParsedRow>();
        while (reader.ReadAsync().AsTask().GetAwaiter().GetResult() is { } row) rows.Add(row);
        return rows;
    }

    /// <summary>
    /// A JSON object written by hand so that lone surrogates travel as \uXXXX escapes (valid JSON
    /// that decodes to a string no UTF-8 file could hold); a serializer would refuse them.
    /// </summary>
    private static string Json(string text, string otherName, string otherValue)
    {
        var json = new StringBuilder("{\"text\":\"");
        foreach (var c in text)
        {
            if (c < ' ' || c is '"' or '\\' || char.IsSurrogate(c)) json.Append($"\\u{(int)c:x4}");
            else json.Append(c);
        }
        return json.Append($"\",\"{otherName}\":\"{otherValue}\"}}").ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
