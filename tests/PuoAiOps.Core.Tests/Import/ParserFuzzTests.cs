using PuoAiOps.Core.Import;
using static PuoAiOps.Core.Tests.Import.ImportTestStreams;

namespace PuoAiOps.Core.Tests.Import;

/// <summary>
/// Random files built from the bytes the parsers react to (quotes, separators, line ends, braces,
/// broken UTF-8): whatever comes in, a file that opens yields rows or rejections, never an exception,
/// with line numbers in file order and the same row count as the fast counting pass.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly byte[][] Pieces =
    [
        "\""u8.ToArray(), ","u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\t"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(),
        ":"u8.ToArray(), "text"u8.ToArray(), "\"text\":"u8.ToArray(), "2024-05-18"u8.ToArray(), "礼物"u8.ToArray(), "abc"u8.ToArray(),
        " "u8.ToArray(), "\\u00"u8.ToArray(), [0xC3], [0xFF], [0xE4, 0xBD], [0],
    ];

    [Theory]
    [InlineData("q.csv", "text,created_at,user_id\n")]
    [InlineData("q.jsonl", "{\"text\":\"first\"}\n")]
    public async Task Read_NeverThrowsOnGarbageRows(string name, string header)
    {
        var random = new Random(42);
        var options = new QuestionParserOptions { MaxTextLength = 50 };
        for (var n = 0; n < 300; n++)
        {
            var bytes = new List<byte>(Utf8(header));
            var length = random.Next(0, 400);
            while (bytes.Count < length) bytes.AddRange(Pieces[random.Next(Pieces.Length)]);
            var file = bytes.ToArray();

            var rows = await ReadAllAsync(file, name, options, chunk: 1 + random.Next(64));
            var lines = rows.Select(r => r.IsRejected ? r.Rejection.Line : r.Record!.Line).ToList();
            Assert.Equal(lines.Order(), lines);
            Assert.All(rows.Where(r => r.IsRejected), r => Assert.False(string.IsNullOrEmpty(r.Rejection.Reason)));
            var counted = await QuestionFileReader.CountRowsAsync(new MemoryStream(file), name, options, TestContext.Current.CancellationToken);
            Assert.Equal(rows.Count, counted);
        }
    }
}
