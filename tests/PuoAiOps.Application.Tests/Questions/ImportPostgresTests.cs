using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>
/// The import's SQL on PostgreSQL (quoted identifiers, ON CONFLICT, timestamptz parameters, run
/// counters), in a fresh database on the server named by PUO_TEST_POSTGRES.
/// </summary>
public sealed class ImportPostgresTests
{
    [Fact]
    public async Task Import_WorksOnPostgres()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scratch = await ScratchPostgresDatabase.CreateAsync("import", ct);
        var dir = Path.Combine(Path.GetTempPath(), scratch.Name);
        Directory.CreateDirectory(dir);
        try
        {
            var options = new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = scratch.ConnectionString,
            };
            await using (var setup = DbContextConfigurator.Create(options)) await new SchemaMigrator(setup).MigrateAsync(ct);
            var path = Path.Combine(dir, "q.csv");
            await File.WriteAllTextAsync(path,
                "text,external_id,user_id,created_at\n" +
                "\"email a@b.com, gift missing\",q1,u1,2024-05-18T12:00:00+08:00\n" +
                "\"EMAIL c@d.com,  gift missing\",q2,u2,\n" +
                "手机13800138000,q3,u1,2024-05-18\n" +
                "bad,q4,u4,2024-99-99\n" +
                string.Concat(Enumerable.Range(0, 520).Select(i => $"question {i},x{i},u{i % 7},\n")), ct);

            ImportResult first, again;
            await using (var db = DbContextConfigurator.Create(options))
                first = await Service(db, dir).ImportFileAsync(path, ct: ct);
            await using (var db = DbContextConfigurator.Create(options))
                again = await Service(db, dir).ImportFileAsync(path, ct: ct);

            Assert.Equal((522L, 1L, 1L), (first.Imported, first.Duplicates, first.Rejected));
            Assert.Equal((0L, 523L), (again.Imported, again.Duplicates));
            await using var check = DbContextConfigurator.Create(options);
            Assert.Equal(522, await check.Questions.CountAsync(ct));
            var q1 = await check.Questions.SingleAsync(q => q.ExternalId == "q1", ct);
            Assert.Equal("email <EMAIL>, gift missing", q1.Text);
            Assert.Equal(new DateTime(2024, 5, 18, 4, 0, 0, DateTimeKind.Utc), q1.CreatedAt.ToUniversalTime());
            var runs = await check.ImportRuns.OrderBy(r => r.Id).ToListAsync(ct);
            Assert.Equal([(522, 1, 1), (0, 523, 1)], runs.Select(r => (r.Imported, r.Duplicates, r.Rejected)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static QuestionImportService Service(PuoDbContext db, string dataDir) =>
        new(db, new PiiPatternStore(db), Options.Create(new ImportOptions { BatchSize = 450 }),
            new PuoAiOps.Application.Secrets.WorkspaceSecrets(new PuoAiOps.Application.Secrets.SecretsOptions(), dataDir));
}
