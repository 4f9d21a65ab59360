using System.Text;
using BenchmarkDotNet.Attributes;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Benchmarks;

/// <summary>Reading 10,000 rows from memory (CSV and JSON Lines): the parser alone, no redaction or database.</summary>
[MemoryDiagnoser]
public class ImportParseBenchmarks
{
    private const int Rows = 10_000;
    private byte[] _csv = [];
    private byte[] _jsonl = [];

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder("text,external_id,user_id,channel,locale,created_at,source\n");
        var jsonl = new StringBuilder();
        for (var i = 0; i < Rows; i++)
        {
            var text = i % 2 == 0 ? $"why did my rocket {i} not arrive, streamer 4456123?" : $"我送给主播的火箭{i}没有到账";
            csv.Append('"').Append(text).Append("\",q-").Append(i).Append(",u").Append(i % 977).Append(",app,en,2024-05-18T12:30:00Z,bench\n");
            jsonl.Append("{\"text\":\"").Append(text).Append("\",\"external_id\":\"q-").Append(i).Append("\",\"user_id\":\"u").Append(i % 977)
                .Append("\",\"channel\":\"app\",\"locale\":\"en\",\"created_at\":\"2024-05-18T12:30:00Z\",\"source\":\"bench\"}\n");
        }
        _csv = Encoding.UTF8.GetBytes(csv.ToString());
        _jsonl = Encoding.UTF8.GetBytes(jsonl.ToString());
    }

    [Benchmark]
    public Task<long> Csv() => ReadAsync(_csv, "q.csv");

    [Benchmark]
    public Task<long> JsonLines() => ReadAsync(_jsonl, "q.jsonl");

    private static async Task<long> ReadAsync(byte[] bytes, string name)
    {
        using var reader = await QuestionFileReader.OpenAsync(new MemoryStream(bytes), name, new QuestionParserOptions());
        long n = 0;
        while (await reader.ReadAsync() is not null) n++;
        return n;
    }
}
