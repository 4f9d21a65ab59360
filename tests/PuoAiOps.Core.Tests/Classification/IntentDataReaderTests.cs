using PuoAiOps.Core.Classification;

namespace PuoAiOps.Core.Tests.Classification;

public class IntentDataReaderTests
{
    [Fact]
    public void ReadCsv_ReadsQuotedFieldsWithCommasQuotesAndLineBreaks()
    {
        var csv = "label,text,source\nrefund,\"I want my money back, now\",app\ngreeting,\"say \"\"hi\"\"\nplease\",web\n\n";
        var rows = IntentDataReader.ReadCsv(new StringReader(csv));
        Assert.Equal([new LabeledText("I want my money back, now", "refund"), new LabeledText("say \"hi\"\nplease", "greeting")], rows);
    }

    [Fact]
    public void ReadCsv_MissingHeaderColumn_NamesLineOne()
    {
        var ex = Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadCsv(new StringReader("question,intent\nhi,greeting\n"), "data.csv"));
        Assert.Equal(1, ex.LineNumber);
        Assert.Contains("data.csv: line 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'label'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_MissingLabel_NamesTheLine()
    {
        var csv = "text,label\nhello,greeting\n\"two\nlines\",greeting\nwhere is my order,\n";
        var ex = Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadCsv(new StringReader(csv)));
        Assert.Equal(5, ex.LineNumber);
        Assert.Contains("missing label", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_WrongFieldCountAndUnterminatedQuote_NameTheLine()
    {
        var extra = Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadCsv(new StringReader("text,label\na,b,c\n")));
        Assert.Equal(2, extra.LineNumber);
        var open = Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadCsv(new StringReader("text,label\nok,x\n\"never closed,x\nmore\n")));
        Assert.Equal(3, open.LineNumber);
    }

    [Fact]
    public void ReadCsv_EmptyFile_IsAnError()
    {
        Assert.Equal(1, Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadCsv(new StringReader(""))).LineNumber);
    }

    [Fact]
    public void ReadJsonLines_ReadsObjectsAndSkipsBlankLines()
    {
        var jsonl = "{\"text\":\"充值失败怎么办\",\"label\":\"recharge\"}\n\n{\"label\":\"greeting\",\"text\":\"hi\",\"extra\":1}\n";
        Assert.Equal([new LabeledText("充值失败怎么办", "recharge"), new LabeledText("hi", "greeting")], IntentDataReader.ReadJsonLines(new StringReader(jsonl)));
    }

    [Theory]
    [InlineData("{\"text\":\"a\",\"label\":\"x\"}\n{\"text\": \"b\", \"label\": }\n", 2, "invalid JSON")]
    [InlineData("{\"text\":\"a\",\"label\":\"x\"}\n\n{\"text\":\"b\"}\n", 3, "missing label")]
    [InlineData("[1,2]\n", 1, "expected a JSON object")]
    [InlineData("{\"text\":\"a\",\"label\":7}\n", 1, "missing label")]
    public void ReadJsonLines_BadLine_NamesTheLine(string jsonl, int line, string problem)
    {
        var ex = Assert.Throws<IntentDataFormatException>(() => IntentDataReader.ReadJsonLines(new StringReader(jsonl), "q.jsonl"));
        Assert.Equal(line, ex.LineNumber);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"q.jsonl: line {line}:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b.jsonl", IntentDataFormat.JsonLines)]
    [InlineData("b.NDJSON", IntentDataFormat.JsonLines)]
    [InlineData("c.csv", IntentDataFormat.Csv)]
    [InlineData("noext", IntentDataFormat.Csv)]
    public void FormatFromPath_UsesTheExtension(string path, IntentDataFormat expected)
    {
        Assert.Equal(expected, IntentDataReader.FormatFromPath(path));
    }
}
