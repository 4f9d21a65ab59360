using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Tests.Questions;

public sealed class PiiPatternStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_StoresPatternsThatTheImportThenApplies()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        await using (var db = ws.NewContext())
            await new PiiPatternStore(db).SaveAsync([new CustomPiiPattern("user_id", @"uid:\d{6,12}")], "admin-1", "Admin", Ct);

        var path = ws.WriteFile("q.csv", "text\nban uid:12345678 now\n");
        var result = await ws.Service().ImportFileAsync(path, ct: Ct);

        Assert.Equal(1, result.Redacted["user_id"]);
        await using var check = ws.NewContext();
        Assert.Equal("ban <USER_ID> now", (await check.Questions.SingleAsync(Ct)).Text);
        Assert.Equal([new CustomPiiPattern("user_id", @"uid:\d{6,12}")], await new PiiPatternStore(check).GetAsync(Ct));
        var setting = await check.Settings.SingleAsync(s => s.Key == PiiPatternStore.SettingKey, Ct);
        Assert.Contains("\"name\":\"user_id\"", setting.Value);
        Assert.True(await check.AuditLog.AnyAsync(a => a.Action == "pii.patterns-updated" && a.ActorId == "admin-1", Ct));
    }

    [Fact]
    public async Task Save_RefusesPatternsThatDoNotCompileAndKeepsThePreviousList()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        await using var db = ws.NewContext();
        var store = new PiiPatternStore(db);
        await store.SaveAsync([new CustomPiiPattern("room", @"room-\d+")], null, "Admin", Ct);

        var ex = await Assert.ThrowsAsync<InvalidPiiPatternException>(() =>
            store.SaveAsync([new CustomPiiPattern("room", @"room-\d+"), new CustomPiiPattern("broken", @"uid:(\d+")], null, "Admin", Ct));

        Assert.Equal("broken", Assert.Single(ex.Errors).Name);
        Assert.Single(await store.GetAsync(Ct));
    }

    [Fact]
    public async Task Import_ReportsStoredPatternThatNoLongerCompiles()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        await using (var db = ws.NewContext())
        {
            db.Settings.Add(new() { Key = PiiPatternStore.SettingKey, Value = "[{\"name\":\"x\",\"pattern\":\"(\"}]" });
            await db.SaveChangesAsync(Ct);
        }
        var path = ws.WriteFile("q.csv", "text\nhello\n");
        var ex = await Assert.ThrowsAsync<InvalidPiiPatternException>(() => ws.Service().ImportFileAsync(path, ct: Ct));
        Assert.Contains("'x'", ex.Message);
    }
}
