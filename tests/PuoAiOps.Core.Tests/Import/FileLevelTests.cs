using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Core.Tests.Import.ImportTestStreams;

namespace PuoAiOps.Core.Tests.Import;

public sealed class FileLevelTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("  \n\n", "empty")]
    [InlineData("question,user\nhi,1\n", "no 'text' column (found: question, user)")]
    [InlineData("my phone is 13800138000\nanother question\n", "does not look like a header")]
    [InlineData("[{\"text\":\"hi\"}]", "JSON array")]
    [InlineData("text,Text\nhi,hi\n", "twice")]
    public async Task Open_RefusesFilesThatAreNotQuestionFiles(string content, string message)
    {
        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => ReadAllAsync(Utf8(content)));
        Assert.Contains(message, ex.Message);
        Assert.DoesNotContain("13800138000", ex.Message);
    }

    [Theory]
    [InlineData("", QuestionFileMessage.Empty)]
    [InlineData("question,user\nhi,1\n", QuestionFileMessage.NoTextColumn)]
    [InlineData("my phone is 13800138000\nanother question\n", QuestionFileMessage.NoHeaderRow)]
    [InlineData("[{\"text\":\"hi\"}]", QuestionFileMessage.JsonArray)]
    [InlineData("text,Text\nhi,hi\n", QuestionFileMessage.ColumnTwice)]
    [InlineData("\"text\n", QuestionFileMessage.HeaderUnterminated)]
    public async Task Open_Refusal_CarriesItsCode_WhoseEnglishIsTheMessage(string content, QuestionFileMessage code)
    {
        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => ReadAllAsync(Utf8(content)));
        Assert.Equal(code, ex.Code.Code);
        Assert.Equal(ex.Message, ex.Code.English);
    }

    [Fact]
    public async Task Open_RefusesUtf16AndBinary()
    {
        await Assert.ThrowsAsync<ImportFormatException>(() => ReadAllAsync([0xFF, 0xFE, (byte)'t', 0, (byte)'e', 0]));
        await Assert.ThrowsAsync<ImportFormatException>(() => ReadAllAsync([0x50, 0x4B, 0x03, 0x04, 0, 0, 0x14, 0]));
    }

    [Fact]
    public async Task Open_RefusesJsonLinesExtensionWithoutObjects() =>
        await Assert.ThrowsAsync<ImportFormatException>(() => ReadAllAsync(Utf8("text\nhi\n"), "q.jsonl"));

    [Fact]
    public async Task Read_ThrowsWhenRowLimitExceeded()
    {
        var options = new QuestionParserOptions { MaxRows = 2 };
        var ex = await Assert.ThrowsAsync<ImportLimitExceededException>(() => ReadAllAsync(Utf8("text\na\nb\nc\n"), options: options));
        Assert.Equal("MaxRows", ex.Limit);
        Assert.Equal(2, ex.Maximum);
        Assert.Contains("Import:MaxRows", ex.Message);
        Assert.Equal(CodedMessage.Of(QuestionFileMessage.TooManyRows, 2L), ex.Code);
    }

    [Fact]
    public async Task Read_ThrowsWhenFileSizeLimitExceeded()
    {
        var options = new QuestionParserOptions { MaxFileBytes = 100_000 };
        var bytes = Utf8("text\n" + string.Concat(Enumerable.Repeat("another question\n", 10_000)));
        var ex = await Assert.ThrowsAsync<ImportLimitExceededException>(() => ReadAllAsync(bytes, options: options, chunk: 8192));
        Assert.Equal("MaxFileBytes", ex.Limit);
    }

    [Fact]
    public async Task CountRows_MatchesWhatTheReaderSees()
    {
        var bytes = Utf8("text\n\"a\nb\"\n\nc\n,\n\"open\nd\n");
        var counted = await QuestionFileReader.CountRowsAsync(new MemoryStream(bytes), "q.csv", new QuestionParserOptions(), TestContext.Current.CancellationToken);
        var rows = await ReadAllAsync(bytes);
        Assert.Equal(rows.Count, counted);
        Assert.Equal(5, counted);
    }
}
