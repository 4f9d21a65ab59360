using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>After an import full of personal data, no table holds any of it in the clear.</summary>
public sealed class ImportPiiScanTests
{
    private static readonly string[] Planted =
    [
        "zhang.wei@qq.com", "13800138000", "138 0013 8000", "4111 1111 1111 1111", "4111111111111111", "11010519491231002X",
        "DE89370400440532013000", "203.0.113.7", "2001:db8::1", "s3cr3t-token-value", "uid:12345678", "platform-user-98765",
        "+44 20 7946 0958", "li.na@163.com",
    ];

    [Fact]
    public async Task Import_LeavesNoRawPiiInAnyTextColumn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ws = await ImportWorkspace.CreateAsync();
        await using (var db = ws.NewContext())
            await new Application.Questions.PiiPatternStore(db).SaveAsync([new("user_id", @"uid:\d{6,12}")], null, "Admin", ct);
        var path = ws.WriteFile("pii.jsonl", string.Join('\n',
        [
            """{"text":"email zhang.wei@qq.com phone 13800138000","user_id":"platform-user-98765","external_id":"li.na@163.com"}""",
            """{"text":"手机 138 0013 8000，卡号 4111 1111 1111 1111","user_id":"platform-user-98765","channel":"+44 20 7946 0958"}""",
            """{"text":"身份证11010519491231002X，IBAN DE89370400440532013000","source":"4111111111111111"}""",
            """{"text":"login from 203.0.113.7 and 2001:db8::1 via https://x.example.com/cb?token=s3cr3t-token-value","locale":"uid:12345678"}""",
            """{"text":"ban uid:12345678"}""",
        ]));

        var result = await ws.Service().ImportFileAsync(path, ct: ct);
        Assert.Equal(5, result.Imported);

        await using var check = ws.NewContext();
        var hits = await ScanAsync(check, ct);
        Assert.True(hits.Count == 0, "raw PII found: " + string.Join("; ", hits));

        // The scan itself must be able to see PII: plant one value in the clear and expect it found.
        check.Settings.Add(new() { Key = "control", Value = "reach me at zhang.wei@qq.com" });
        await check.SaveChangesAsync(ct);
        Assert.Equal(["Settings.Value holds zhang.wei@qq.com"], await ScanAsync(check, ct));
    }

    private static async Task<List<string>> ScanAsync(DbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var hits = new List<string>();
        foreach (var table in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", ct))
        {
            var columns = await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE type = 'TEXT'", ct);
            foreach (var column in columns)
            foreach (var value in await ListAsync(connection, $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", ct))
            foreach (var pii in Planted.Where(p => value.Contains(p, StringComparison.OrdinalIgnoreCase)))
                hits.Add($"{table}.{column} holds {pii}");
        }
        return hits;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct)) values.Add(reader.GetValue(0)?.ToString() ?? "");
        return values;
    }
}
