using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.Knowledge;

/// <summary>The console's folder sync: queued as a job over the configured folder, each file in its own transaction, progress per file.</summary>
public sealed class KnowledgeSyncJobTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "puo-kb-sync-" + Guid.NewGuid().ToString("N"));

    public KnowledgeSyncJobTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "zh-CN"));
        File.WriteAllText(Path.Combine(_folder, "refunds.md"), IngestionTests.Refunds);
        File.WriteAllText(Path.Combine(_folder, "zh-CN", "refunds.md"), "# 退款政策\n\n未使用的金币可在 14 天内退款。\n");
        File.WriteAllBytes(Path.Combine(_folder, "broken.md"), [0xff, 0xfe, 0x00, 0x41]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class RecordedProgress : IJobProgress
    {
        public List<(double Fraction, string Message)> Steps { get; } = [];

        public Task ReportAsync(double fraction, CodedMessage message, CancellationToken ct = default)
        {
            Steps.Add((fraction, message.English));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Sync_QueuesOneJob_IngestsEveryGoodFile_ReportsTheBadOne_AndProgressPerFile()
    {
        await using var bed = await CreateAsync(knowledge: o => o.SyncFolder = _folder);
        var curator = Actor.User("curator-1", "Cora Curator", Roles.Curator);
        var (job, created) = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSyncJobService>().QueueAsync(curator, Ct));
        var (again, createdAgain) = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSyncJobService>().QueueAsync(curator, Ct));
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(job.Id, again.Id);

        var progress = new RecordedProgress();
        var outcome = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSyncJobHandler>().RunAsync(job, progress, Ct));

        Assert.Equal(CodedMessage.Of(KnowledgeJobMessage.Synced, 3, 2, 0, 1), outcome.Message);
        Assert.Equal("3 file(s): 2 added or updated, 0 unchanged, 1 refused.", outcome.Message.English);
        Assert.Contains("broken.md", outcome.ResultJson, StringComparison.Ordinal);
        Assert.Equal([1.0 / 3, 2.0 / 3, 1.0], progress.Steps.Select(s => s.Fraction));
        Assert.Equal("3 of 3 files", progress.Steps[^1].Message);
        await using var db = bed.NewContext();
        Assert.Equal(["en", "zh-CN"], await db.Documents.OrderBy(d => d.Locale).Select(d => d.Locale).ToListAsync(Ct));
        Assert.All(await db.Documents.ToListAsync(Ct), d => Assert.Equal("curator-1", d.UploadedById));

        var rerun = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSyncJobHandler>().RunAsync(job, new RecordedProgress(), Ct));
        Assert.Equal("3 file(s): 0 added or updated, 2 unchanged, 1 refused.", rerun.Message.English);
    }

    [Fact]
    public async Task Sync_IsRefusedWithoutAFolder_AndForAReader()
    {
        await using var bed = await CreateAsync();
        var service = (Func<Actor, Task>)(actor => bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSyncJobService>().QueueAsync(actor, Ct)));

        var none = await Assert.ThrowsAsync<ValidationException>(() => service(Actor.User("c", "C", Roles.Curator)));
        Assert.Equal(CodedMessage.Of(KnowledgeRefusal.NoSyncFolder, "Knowledge:SyncFolder"), none.Code);
        var reader = await Assert.ThrowsAsync<ForbiddenException>(() => service(Actor.User("v", "V", Roles.Viewer)));
        Assert.Equal(KnowledgeRefusal.SyncNeedsRole, reader.Code?.Code);
        await using var db = bed.NewContext();
        Assert.Equal(0, await db.Jobs.CountAsync(Ct));
    }
}
