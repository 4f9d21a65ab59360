using System.Text.Json;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge.Ingestion;

public static class KnowledgeJobKinds
{
    /// <summary>Ingest every file of <c>Knowledge:SyncFolder</c>, as <c>puo kb ingest FOLDER</c>.</summary>
    public const string Sync = "knowledge.sync";
}

public sealed class KnowledgeSyncPayload
{
    public string? UserId { get; set; }
}

/// <summary>What a sync did: files seen, added or updated, unchanged, refused (with the first reasons).</summary>
public sealed record KnowledgeSyncResult(int Files, int Changed, int Unchanged, int Refused, IReadOnlyList<string> Errors);

/// <summary>
/// Queues the folder sync as a background job (one at a time): the console's page action. The folder
/// is the server's setting, not the caller's input, so a page cannot make the server read any path.
/// </summary>
public sealed class KnowledgeSyncJobService(JobQueue jobs, IOptions<KnowledgeOptions> options)
{
    /// <summary>The configured folder, or null when the action is off.</summary>
    public string? Folder => options.Value.SyncFolder is { Length: > 0 } folder ? folder : null;

    public async Task<(BackgroundJob Job, bool Created)> QueueAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.UserId is not null && !actor.IsInAnyRole(Roles.Curator, Roles.Admin))
            throw new ForbiddenException(CodedMessage.Of(KnowledgeRefusal.SyncNeedsRole));
        var folder = Folder ?? throw new ValidationException("folder", CodedMessage.Of(KnowledgeRefusal.NoSyncFolder, $"{KnowledgeOptions.SectionName}:SyncFolder"));
        if (!Directory.Exists(folder)) throw new ValidationException("folder", CodedMessage.Of(KnowledgeRefusal.SyncFolderMissing, folder));
        return await jobs.EnqueueAsync(KnowledgeJobKinds.Sync, new KnowledgeSyncPayload { UserId = actor.UserId }, actor, single: true, ct);
    }

    /// <summary>The sync running or waiting now, if any (a page opened meanwhile shows its progress).</summary>
    public Task<BackgroundJob?> ActiveAsync(CancellationToken ct = default) => jobs.ActiveAsync(KnowledgeJobKinds.Sync, ct);
}

internal sealed class KnowledgeSyncJobHandler(KnowledgeFolderSync sync, IOptions<KnowledgeOptions> options) : IJobHandler
{
    public string Kind => KnowledgeJobKinds.Sync;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<KnowledgeSyncPayload>(job);
        var folder = options.Value.SyncFolder;
        // The setting may have changed, or the folder gone, since the job was queued.
        if (string.IsNullOrEmpty(folder))
            throw new JobFailedException(CodedMessage.Of(KnowledgeRefusal.NoSyncFolder, $"{KnowledgeOptions.SectionName}:SyncFolder"));
        if (!Directory.Exists(folder))
            throw new JobFailedException(CodedMessage.Of(KnowledgeRefusal.SyncFolderMissing, folder));
        // Each file commits on its own, so a rerun after a lost lease finds the done ones unchanged.
        var outcomes = await sync.IngestPathAsync(folder, payload.UserId,
            (done, total) => progress.ReportAsync(total == 0 ? 1 : (double)done / total, CodedMessage.Of(KnowledgeJobMessage.SyncProgress, done, total), ct), ct);
        var changed = outcomes.Count(o => o.Result is { Status: not IngestStatus.Unchanged });
        var unchanged = outcomes.Count(o => o.Result is { Status: IngestStatus.Unchanged });
        var refused = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        var result = new KnowledgeSyncResult(outcomes.Count, changed, unchanged, refused.Count, refused.Take(20).ToList());
        return new JobOutcome(JsonSerializer.Serialize(result, JobQueue.Json),
            CodedMessage.Of(KnowledgeJobMessage.Synced, outcomes.Count, changed, unchanged, refused.Count));
    }
}
