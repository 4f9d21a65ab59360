using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Jobs;

/// <summary>
/// Migration 0020 on both providers: a job row written before it keeps its English and reads without a
/// code; rows written after it store the code and arguments (nested codes and numbers kept) beside the English.
/// </summary>
public sealed class JobMessageMigrationTests
{
    private const string Migration = "0020_job_message_codes";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Migration0020_OnSqlite_KeepsOldRows_AndStoresCodesAfterIt() => CheckAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task Migration0020_OnPostgres_KeepsOldRows_AndStoresCodesAfterIt() => CheckAsync(DatabaseProvider.Postgres);

    private static async Task CheckAsync(DatabaseProvider provider)
    {
        await using var database = await PreMigrationDatabase.CreateAsync(provider, Migration, Ct);
        // A job row as the code before 0020 wrote it.
        await database.ExecAsync("""INSERT INTO "Jobs" ("Kind", "Status", "Progress", "Message", "CreatedAt") VALUES ('classifier.train', 'Failed', 0.4, 'Training needs more labels.', """
            + database.At(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc)) + ");", Ct);
        await database.MigrateAsync(Ct);

        await using var db = database.NewContext();
        var queue = new JobQueue(db, TimeProvider.System);
        var old = Assert.Single(await queue.RecentAsync("classifier.", 10, Ct));
        var oldSnapshot = JobSnapshot.Of(old);
        Assert.Equal(("Training needs more labels.", (CodedMessage?)null), (oldSnapshot.Message, oldSnapshot.Code));

        var (job, _) = await queue.EnqueueAsync("test.migration", null, Actor.System("test"), single: false, Ct);
        Assert.Equal(CodedMessage.Of(JobMessage.Waiting), (await queue.SnapshotAsync(job.Id, Ct))!.Code);
        var leased = await queue.TryLeaseAsync("instance", TimeSpan.FromMinutes(1), ["test.migration"], Ct);
        Assert.Equal(job.Id, leased?.Id);
        var line = CodedMessage.Of(ClassificationRefusal.TooFewQuestions, 20, 12L);
        var failure = CodedMessage.Of(JobMessage.Crashed, line);
        Assert.True(await queue.FailAsync(job.Id, "instance", failure, Ct));

        var failed = (await queue.SnapshotAsync(job.Id, Ct))!;
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal(failure.English, failed.Message);
        var nested = Assert.IsType<CodedMessage>(Assert.Single(failed.Code!.Args));
        Assert.Equal(ClassificationRefusal.TooFewQuestions, nested.Code);
        Assert.Equal(new object[] { 20L, 12L }, nested.Args);
    }
}
