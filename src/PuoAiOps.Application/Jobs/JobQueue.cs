using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Jobs;

/// <summary>
/// The job table as a queue shared by every instance. Leasing is one conditional UPDATE (status and
/// lease re-checked in its WHERE clause), so exactly one instance wins a job on SQLite and PostgreSQL.
/// </summary>
public sealed class JobQueue(PuoDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues a job. With <paramref name="single"/> an active job of the same kind (queued, or running
    /// under a live lease) is returned instead of a second one.
    /// </summary>
    public async Task<(BackgroundJob Job, bool Created)> EnqueueAsync(string kind, object? payload, Actor actor, bool single = true, CancellationToken ct = default)
    {
        if (single && await ActiveAsync(kind, ct) is { } existing) return (existing, false);
        var job = new BackgroundJob
        {
            Kind = kind,
            Payload = payload is null ? null : JsonSerializer.Serialize(payload, payload.GetType(), Json),
            CreatedById = actor.UserId,
            CreatedAt = Now,
        };
        Stored.Of(CodedMessage.Of(JobMessage.Waiting)).WriteTo(job);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return (job, true);
    }

    public Task<BackgroundJob?> ActiveAsync(string kind, CancellationToken ct = default)
    {
        var now = Now;
        return db.Jobs.AsNoTracking()
            .Where(j => j.Kind == kind && (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseUntil > now)))
            .OrderBy(j => j.Id).FirstOrDefaultAsync(ct);
    }

    public Task<BackgroundJob?> GetAsync(long id, CancellationToken ct = default) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>The job's state for a page, or null when there is no such job.</summary>
    public async Task<JobSnapshot?> SnapshotAsync(long id, CancellationToken ct = default) =>
        await GetAsync(id, ct) is { } job ? JobSnapshot.Of(job) : null;

    /// <summary>Most recent jobs whose kind starts with <paramref name="kindPrefix"/>, newest first.</summary>
    public Task<List<BackgroundJob>> RecentAsync(string kindPrefix, int take, CancellationToken ct = default) =>
        db.Jobs.AsNoTracking().Where(j => j.Kind.StartsWith(kindPrefix)).OrderByDescending(j => j.Id).Take(take).ToListAsync(ct);

    /// <summary>Takes the oldest queued job, or one whose lease expired; null when there is none.</summary>
    public async Task<BackgroundJob?> TryLeaseAsync(string instance, TimeSpan lease, IReadOnlyCollection<string> kinds, CancellationToken ct = default)
    {
        var now = Now;
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => kinds.Contains(j.Kind) && (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseUntil < now)))
            .OrderBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(ct);
        var started = Stored.Of(CodedMessage.Of(JobMessage.Started));
        foreach (var id in candidates)
        {
            var until = now + lease;
            var won = await db.Jobs
                .Where(j => j.Id == id && (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.LeasedBy, instance)
                    .SetProperty(j => j.LeaseUntil, until)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                    .SetProperty(j => j.Message, started.English)
                    .SetProperty(j => j.MessageCode, started.Code)
                    .SetProperty(j => j.MessageArgs, started.Args), ct);
            if (won == 1) return await GetAsync(id, ct);
        }
        return null;
    }

    /// <summary>Writes progress and extends the lease; false when this instance no longer holds the job.</summary>
    public async Task<bool> HeartbeatAsync(long id, string instance, TimeSpan lease, double? progress, CodedMessage? message, CancellationToken ct = default)
    {
        var until = Now + lease;
        var query = db.Jobs.Where(j => j.Id == id && j.LeasedBy == instance && j.Status == JobStatus.Running);
        var line = Stored.Of(message);
        var updated = progress is { } p
            ? await query.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseUntil, until)
                .SetProperty(j => j.Progress, Math.Clamp(p, 0, 1))
                .SetProperty(j => j.Message, line.English)
                .SetProperty(j => j.MessageCode, line.Code)
                .SetProperty(j => j.MessageArgs, line.Args), ct)
            : await query.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct);
        return updated == 1;
    }

    public Task<bool> CompleteAsync(long id, string instance, JobOutcome outcome, CancellationToken ct = default) =>
        FinishAsync(id, instance, JobStatus.Succeeded, outcome.Message, outcome.ResultJson, 1, ct);

    public Task<bool> FailAsync(long id, string instance, CodedMessage message, CancellationToken ct = default) =>
        FinishAsync(id, instance, JobStatus.Failed, message, null, null, ct);

    private async Task<bool> FinishAsync(long id, string instance, JobStatus status, CodedMessage message, string? result, double? progress, CancellationToken ct)
    {
        var now = Now;
        var line = Stored.Of(message);
        var updated = await db.Jobs.Where(j => j.Id == id && j.LeasedBy == instance && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.Message, line.English)
                .SetProperty(j => j.MessageCode, line.Code)
                .SetProperty(j => j.MessageArgs, line.Args)
                .SetProperty(j => j.Result, result)
                .SetProperty(j => j.Progress, j => progress ?? j.Progress)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseUntil, (DateTime?)null), ct);
        return updated == 1;
    }

    /// <summary>Payload of a job as <typeparamref name="T"/> (a fresh instance when it has none).</summary>
    public static T PayloadOf<T>(BackgroundJob job) where T : new() =>
        string.IsNullOrEmpty(job.Payload) ? new T() : JsonSerializer.Deserialize<T>(job.Payload, Json) ?? new T();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A job's line as its three columns: the English wording beside the code and its arguments.</summary>
    private readonly record struct Stored(string? English, string? Code, string? Args)
    {
        public static Stored Of(CodedMessage? message)
        {
            if (message is null) return default;
            var (code, args) = CodedMessageJson.Write(message);
            return new(message.English, code, args);
        }

        public void WriteTo(BackgroundJob job)
        {
            job.Message = English;
            job.MessageCode = Code;
            job.MessageArgs = Args;
        }
    }
}
