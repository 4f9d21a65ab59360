using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

public sealed record RollupBuildResult(int Days, int Rows, bool Full, TimeSpan Elapsed);

public sealed record RollupCheckResult(DateOnly? First, DateOnly? Last, int Days, int StoredRows, int RecomputedRows, IReadOnlyList<string> Differences)
{
    public bool Equal => Differences.Count == 0;
}

/// <summary>
/// Keeps the daily rollups current. Incrementally: every day touched since the last run (new
/// conversations, feedback, grades and escalations by id, conversations ended since, and the 24 h
/// behind any new conversation, whose recontacts it may be) is recomputed from the raw rows and replaced. A change of reporting
/// time zone, or no previous run, rebuilds everything. <see cref="CheckAsync"/> proves the stored
/// rollups equal a full recomputation.
/// </summary>
public sealed class RollupBuilder(PuoDbContext db, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<RollupBuilder> logger)
{
    public const string WatermarkKey = "metrics.rollups.watermark";
    // Rows committed a little after they were stamped must still be seen by the next run.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(10);
    private const int ChunkDays = 7;

    private readonly MetricsOptions _options = options.Value;

    private RollupComputer Computer()
    {
        var calendar = _options.Calendar;
        return new RollupComputer(new ConversationFactsLoader(db, calendar), calendar, _options.CoverageThreshold);
    }

    private UserDayComputer UserDays() => new(db, _options.Calendar, _options.ReuseWindowDays);

    public async Task<RollupBuildResult> BuildAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var mark = await ReadWatermarkAsync(ct);
        // Taken before reading, so whatever is written meanwhile is seen by the next run.
        var next = await CurrentAsync(now, ct);
        var full = mark is null || mark.Zone != _options.ReportingTimeZone || mark.ReuseWindowDays != _options.ReuseWindowDays;
        // Counts missing or kept with another gap limit: they follow from the stored per-user rows alone.
        if (!full && mark!.ReuseGapDays != ReuseCounter.MaxGapDays) await RecountReuseAsync(ct);
        // Per-intent day rows missing (built before they existed) or of another version: they follow from the stored cube alone.
        if (!full && mark!.IntentDaysVersion != IntentDays.Version) await RefillIntentDaysAsync(ct);
        var days = full ? await AllDaysAsync(ct) : await ChangedDaysAsync(mark!, now, ct);
        var users = full ? null : await ChangedUsersAsync(mark!, ct);
        var rows = await RecomputeAsync(days, users, ct);
        await WriteWatermarkAsync(next, ct);
        MetricsLog.RollupsBuilt(logger, days.Count, rows, stopwatch.ElapsedMilliseconds);
        return new RollupBuildResult(days.Count, rows, full, stopwatch.Elapsed);
    }

    /// <summary>Throws the rollups away and computes every day again.</summary>
    public async Task<RollupBuildResult> RebuildAllAsync(CancellationToken ct = default)
    {
        await db.Settings.Where(s => s.Key == WatermarkKey).ExecuteDeleteAsync(ct);
        return await BuildAsync(ct);
    }

    public async Task<RollupCheckResult> CheckAsync(CancellationToken ct = default)
    {
        var days = await AllDaysAsync(ct);
        var storedDays = await db.MetricRollups.Select(r => r.Day).Distinct().ToListAsync(ct);
        var storedUserDays = await db.MetricUserDays.Select(r => r.Day).Distinct().ToListAsync(ct);
        var storedIntentDays = await db.MetricIntentDays.Select(r => r.Day).Distinct().ToListAsync(ct);
        days = days.Union(storedDays).Union(storedUserDays).Union(storedIntentDays).Order().ToList();
        var differences = new List<string>();
        int stored = 0, recomputed = 0;
        var counter = new ReuseCounter(DateOnly.MinValue);
        foreach (var (first, last) in Chunks(days))
        {
            var cube = await Computer().ComputeAsync(first, last, ct);
            var expected = cube.Select(RollupComputer.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var actual = (await db.MetricRollups.AsNoTracking().Where(r => r.Day >= first && r.Day <= last).ToListAsync(ct))
                .Select(RollupComputer.Fingerprint).ToHashSet(StringComparer.Ordinal);
            // The overview's per-intent rows must be the recomputed cube summed over source, script and model.
            expected.UnionWith(IntentDays.From(cube).Select(IntentDays.Fingerprint));
            actual.UnionWith((await db.MetricIntentDays.AsNoTracking().Where(r => r.Day >= first && r.Day <= last).ToListAsync(ct))
                .Select(IntentDays.Fingerprint));
            var userDays = await UserDays().ComputeAsync(first, last, null, ct);
            counter.Add(userDays);
            expected.UnionWith(userDays.Select(UserDayComputer.Fingerprint));
            actual.UnionWith((await db.MetricUserDays.AsNoTracking().Where(r => r.Day >= first && r.Day <= last).ToListAsync(ct))
                .Select(UserDayComputer.Fingerprint));
            stored += actual.Count;
            recomputed += expected.Count;
            differences.AddRange(expected.Except(actual).Select(r => "missing or different: " + r));
            differences.AddRange(actual.Except(expected).Select(r => "stored but not recomputed: " + r));
        }
        // The reuse counts need each user's earlier days, so they are compared once all days are counted.
        var expectedCounts = counter.Counts.Select(c => ReuseCounter.Fingerprint(c.Key, c.Value)).ToHashSet(StringComparer.Ordinal);
        var actualCounts = (await db.MetricReuseCounts.AsNoTracking().ToListAsync(ct))
            .Select(r => ReuseCounter.Fingerprint(ReuseCounter.KeyOf(r), r.Users)).ToHashSet(StringComparer.Ordinal);
        stored += actualCounts.Count;
        recomputed += expectedCounts.Count;
        differences.AddRange(expectedCounts.Except(actualCounts).Select(r => "missing or different: " + r));
        differences.AddRange(actualCounts.Except(expectedCounts).Select(r => "stored but not recomputed: " + r));
        if (differences.Count > 0) MetricsLog.RollupMismatch(logger, differences.Count, days.Count);
        return new RollupCheckResult(days.FirstOrDefault(), days.Count > 0 ? days[^1] : null, days.Count, stored, recomputed, differences.Take(50).ToList());
    }

    /// <param name="users">Null for a full build; else the users whose reuse rows may have changed.</param>
    private async Task<int> RecomputeAsync(List<DateOnly> days, UserDayComputer.Changes? users, CancellationToken ct)
    {
        var full = users is null;
        var computer = Computer();
        var written = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (full)
        {
            await db.MetricRollups.ExecuteDeleteAsync(ct);
            await db.MetricIntentDays.ExecuteDeleteAsync(ct);
        }
        foreach (var (first, last) in Chunks(days))
        {
            var rows = await computer.ComputeAsync(first, last, ct);
            var wanted = days.Where(d => d >= first && d <= last).ToHashSet();
            var kept = rows.Where(r => wanted.Contains(r.Day)).ToList();
            if (!full) await db.MetricRollups.Where(r => r.Day >= first && r.Day <= last).ExecuteDeleteAsync(ct);
            db.MetricRollups.AddRange(kept);
            written += await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            // The overview's rows from the same cube rows, before they are forgotten: no second read of the cube.
            await IntentDays.ReplaceAsync(db, wanted, kept, ct);
        }
        if (users is null) await RecomputeUserDaysAsync(days, ct);
        else await UserDays().ReplaceAsync(users, ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>Every reuse row and count again, a week at a time (in day order, as the counter needs).</summary>
    private async Task RecomputeUserDaysAsync(List<DateOnly> days, CancellationToken ct)
    {
        var computer = UserDays();
        var counter = new ReuseCounter(DateOnly.MinValue);
        await db.MetricUserDays.ExecuteDeleteAsync(ct);
        await db.MetricReuseCounts.ExecuteDeleteAsync(ct);
        foreach (var (first, last) in Chunks(days))
        {
            var rows = await computer.ComputeAsync(first, last, null, ct);
            counter.Add(rows);
            db.MetricUserDays.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await ReuseCounts.AddAsync(db, counter.Counts, ct);
    }

    /// <summary>
    /// The reuse counts again from the stored per-user rows, a week at a time in day order: after the
    /// migration that added them, a large workspace need not recompute everything else as well.
    /// </summary>
    private async Task RecountReuseAsync(CancellationToken ct)
    {
        var first = await db.MetricUserDays.MinAsync(r => (DateOnly?)r.Day, ct);
        var last = await db.MetricUserDays.MaxAsync(r => (DateOnly?)r.Day, ct);
        var counter = new ReuseCounter(DateOnly.MinValue);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.MetricReuseCounts.ExecuteDeleteAsync(ct);
        if (first is not null && last is not null)
            foreach (var (from, to) in Chunks(Span(first.Value, last.Value)))
                counter.Add(await db.MetricUserDays.AsNoTracking().Where(r => r.Day >= from && r.Day <= to).ToListAsync(ct));
        await ReuseCounts.AddAsync(db, counter.Counts, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The per-intent day rows again from the stored cube, a week at a time: after the migration that added
    /// them, a large workspace need not recompute the cube from the raw rows.
    /// </summary>
    private async Task RefillIntentDaysAsync(CancellationToken ct)
    {
        var first = await db.MetricRollups.MinAsync(r => (DateOnly?)r.Day, ct);
        var last = await db.MetricRollups.MaxAsync(r => (DateOnly?)r.Day, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.MetricIntentDays.ExecuteDeleteAsync(ct);
        if (first is not null && last is not null)
            foreach (var (from, to) in Chunks(Span(first.Value, last.Value)))
            {
                db.MetricIntentDays.AddRange(IntentDays.From(await db.MetricRollups.AsNoTracking().Where(r => r.Day >= from && r.Day <= to).ToListAsync(ct)));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Consecutive runs of days, at most a week each, so memory stays bounded.</summary>
    private static IEnumerable<(DateOnly First, DateOnly Last)> Chunks(List<DateOnly> days)
    {
        var i = 0;
        while (i < days.Count)
        {
            var first = days[i];
            var last = first;
            while (i + 1 < days.Count && days[i + 1] == last.AddDays(1) && last.DayNumber - first.DayNumber < ChunkDays - 1) last = days[++i];
            i++;
            yield return (first, last);
        }
    }

    private async Task<List<DateOnly>> AllDaysAsync(CancellationToken ct)
    {
        var min = await db.Conversations.MinAsync(c => (DateTime?)c.StartedAt, ct);
        var max = await db.Conversations.MaxAsync(c => (DateTime?)c.StartedAt, ct);
        if (min is null || max is null) return [];
        var calendar = _options.Calendar;
        return Span(calendar.DayOf(min.Value), calendar.DayOf(max.Value));
    }

    private async Task<List<DateOnly>> ChangedDaysAsync(Watermark mark, DateTime now, CancellationToken ct)
    {
        var calendar = _options.Calendar;
        var since = mark.At - Margin;
        var starts = new List<DateTime>();
        // New rows by id (the bot may write a conversation, feedback or grade with an earlier timestamp), updated conversations by end time.
        var newConversations = await db.Conversations.Where(c => c.Id > mark.Conversation).Select(c => c.StartedAt).ToListAsync(ct);
        starts.AddRange(newConversations);
        // A new conversation may be the recontact of one up to 24 h before it.
        starts.AddRange(newConversations.Select(s => s - RecontactFinder.Window));
        var ended = await db.Conversations.Where(c => c.EndedAt >= since).Select(c => c.StartedAt).ToListAsync(ct);
        starts.AddRange(ended);
        // An updated conversation (re-classified, say) may make or unmake the recontact of one up to 24 h before it too.
        starts.AddRange(ended.Select(s => s - RecontactFinder.Window));
        starts.AddRange(await db.Feedback.Where(f => f.Id > mark.Feedback).Join(db.Conversations, f => f.ConversationId, c => c.Id, (f, c) => c.StartedAt).ToListAsync(ct));
        starts.AddRange(await db.Grades.Where(g => g.Id > mark.Grade).Join(db.Conversations, g => g.ConversationId, c => c.Id, (g, c) => c.StartedAt).ToListAsync(ct));
        starts.AddRange(await db.Escalations.Where(e => e.Id > mark.Escalation).Join(db.Conversations, e => e.ConversationId, c => c.Id, (e, c) => c.StartedAt).ToListAsync(ct));
        var days = starts.Select(calendar.DayOf).ToHashSet();
        // Today's and yesterday's open conversations keep changing; recompute them every run.
        days.UnionWith(Span(calendar.DayOf(since - RecontactFinder.Window), calendar.DayOf(now)));
        return days.Order().ToList();
    }

    /// <summary>
    /// A reuse row depends only on its own user's conversations, so only the users of new or updated
    /// conversations need theirs recomputed: those new by id (whatever their time), ended since the last
    /// run, or started since the day before it (still open, so their intent may still change).
    /// </summary>
    private async Task<UserDayComputer.Changes> ChangedUsersAsync(Watermark mark, CancellationToken ct)
    {
        var calendar = _options.Calendar;
        var since = mark.At - Margin;
        var (recent, _) = calendar.Range(calendar.DayOf(since - RecontactFinder.Window), calendar.DayOf(since));
        var changed = new List<(string UserRef, DateTime StartedAt)>();
        foreach (var query in new[]
                 {
                     db.Conversations.Where(c => c.Id > mark.Conversation), db.Conversations.Where(c => c.EndedAt >= since),
                     db.Conversations.Where(c => c.StartedAt >= recent),
                 })
            changed.AddRange((await query.Select(c => new { c.UserRef, c.StartedAt }).ToListAsync(ct)).Select(c => (c.UserRef, c.StartedAt)));
        if (changed.Count == 0) return new UserDayComputer.Changes([], default, default);
        return new UserDayComputer.Changes(changed.Select(c => c.UserRef).Distinct(StringComparer.Ordinal).ToList(),
            calendar.DayOf(changed.Min(c => c.StartedAt)), calendar.DayOf(changed.Max(c => c.StartedAt)));
    }

    private static List<DateOnly> Span(DateOnly first, DateOnly last)
    {
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1)) days.Add(d);
        return days;
    }

    /// <summary>Where the last run stopped: its time, zone, and the highest ids it saw (rows may be written with past timestamps).</summary>
    /// <remarks>
    /// A different reuse window (or none: written before the reuse rows existed) rebuilds everything; a different gap
    /// limit (or none: written before the reuse counts existed) recounts the reuse counts from the stored per-user rows;
    /// a different <see cref="IntentDays.Version"/> (or none) fills the per-intent day rows from the stored cube.
    /// </remarks>
    internal sealed record Watermark(DateTime At, string Zone, long Conversation, long Feedback, long Grade, long Escalation, int ReuseWindowDays,
        int ReuseGapDays, int IntentDaysVersion);

    private async Task<Watermark?> ReadWatermarkAsync(CancellationToken ct)
    {
        var value = await db.Settings.Where(s => s.Key == WatermarkKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (value is null) return null;
        try { return JsonSerializer.Deserialize<Watermark>(value); }
        catch (JsonException) { return null; } // unreadable: rebuild
    }

    private async Task<Watermark> CurrentAsync(DateTime now, CancellationToken ct) => new(now, _options.ReportingTimeZone,
        await db.Conversations.MaxAsync(c => (long?)c.Id, ct) ?? 0, await db.Feedback.MaxAsync(f => (long?)f.Id, ct) ?? 0,
        await db.Grades.MaxAsync(g => (long?)g.Id, ct) ?? 0, await db.Escalations.MaxAsync(e => (long?)e.Id, ct) ?? 0,
        _options.ReuseWindowDays, ReuseCounter.MaxGapDays, IntentDays.Version);

    private async Task WriteWatermarkAsync(Watermark mark, CancellationToken ct)
    {
        var value = JsonSerializer.Serialize(mark);
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == WatermarkKey, ct);
        if (setting is null) db.Settings.Add(new Setting { Key = WatermarkKey, Value = value, UpdatedAt = mark.At });
        else
        {
            setting.Value = value;
            setting.UpdatedAt = mark.At;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
