using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Demo.Generation;
using PuoAiOps.Application.Demo.Storage;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Demo;

/// <summary>
/// The demo workspace: a live-streaming support team's taxonomy, guides, SOPs, reply scripts,
/// 3,000 historical questions, 20,000 bot conversations over the last 90 days and an annotation
/// batch in progress. Every top-level row carries IsDemo = true so it can be removed cleanly.
/// Generation is seeded, so the same clock gives the same workspace.
/// </summary>
public sealed class DemoWorkspace(PuoDbContext db, ILogger<DemoWorkspace>? logger = null, TimeProvider? clock = null)
{
    private const long PostgresLockKey = 0x5055_4F44_454D_4F31; // "PUODEMO1"

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>True when there are no intent domains, questions or conversations at all (demo or not).</summary>
    public async Task<bool> IsWorkspaceEmptyAsync(CancellationToken ct = default) =>
        !await db.Domains.AnyAsync(ct) && !await db.Questions.AnyAsync(ct) && !await db.Conversations.AnyAsync(ct);

    /// <summary>Writes the demo workspace in one transaction; does nothing when demo records already exist.</summary>
    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // SQLite's write transaction is already exclusive; PostgreSQL needs a lock so two instances cannot both seed.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey});", ct);

        if (await HasDemoAsync(ct))
        {
            DemoLog.AlreadySeeded(_logger);
            return DemoSeedResult.AlreadyPresent(stopwatch.Elapsed);
        }
        var content = DemoContent.Instance;
        await ThrowIfKeysTakenAsync(content, ct);

        var set = await BuildAsync(content, now, ct);
        await WriteAsync(set, transaction.GetDbTransaction(), ct);
        await DemoAgentReplies.SeedAsync(db, now, ct);
        db.RetrievalSuites.Add(RetrievalSuiteBuilder.Build(now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var result = new DemoSeedResult(true, set.Domains.Count, set.Intents.Count, set.Documents.Count, set.Chunks.Count,
            set.Scripts.Count, set.ScriptVersions.Count, set.Questions.Count, set.Conversations.Count, set.Turns.Count,
            set.Feedback.Count, set.Grades.Count, set.Escalations.Count, set.Items.Count, set.Labels.Count, set.Users.Count,
            stopwatch.Elapsed);
        DemoLog.Seeded(_logger, stopwatch.ElapsedMilliseconds, result.Intents, result.Questions, result.Conversations, result.Turns);
        return result;
    }

    /// <summary>Deletes every demo record and nothing else, in one transaction.</summary>
    /// <exception cref="DemoRemovalBlockedException">Records outside the demo use demo intents; nothing is removed.</exception>
    public async Task<DemoRemoveResult> RemoveAsync(CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await DemoRemover.RemoveAsync(db, ct);
        await transaction.CommitAsync(ct);
        result = result with { Elapsed = stopwatch.Elapsed };
        DemoLog.Removed(_logger, stopwatch.ElapsedMilliseconds, result.Questions, result.Conversations, result.Intents);
        return result;
    }

    private async Task<bool> HasDemoAsync(CancellationToken ct) =>
        await db.Domains.AnyAsync(d => d.IsDemo, ct) || await db.Questions.AnyAsync(q => q.IsDemo, ct)
        || await db.Conversations.AnyAsync(c => c.IsDemo, ct) || await db.Users.AnyAsync(u => u.IsDemo, ct);

    private async Task<DemoDataSet> BuildAsync(DemoContent content, DateTime now, CancellationToken ct)
    {
        var set = new DemoDataSet();
        var ids = await DemoIds.LoadAsync(db, ct);
        var roles = await db.Roles.Where(r => r.NormalizedName != null).ToDictionaryAsync(r => r.NormalizedName!, r => r.Id, ct);
        DemoUsers.Build(set, roles, DemoRandom.For(1), now);
        var taxonomy = DemoTaxonomy.Build(content, set, ids, DemoRandom.For(2), now);
        var sops = SopBuilder.Build(content, set, ids, DemoRandom.For(7), now);
        var scripts = ScriptBuilder.Build(content, taxonomy, set, ids, DemoRandom.For(8), now);

        var questionBuilder = new QuestionBuilder(taxonomy, content.Words);
        var drafts = questionBuilder.Drafts(QuestionBuilder.Count + 400);
        var questions = questionBuilder.Build(drafts, await TakenHashesAsync(drafts, ct), set, ids, now);
        new AnnotationBuilder(content.Words).Build(questions, set, ids, now);
        new ConversationBuilder(content, taxonomy, scripts, sops).Build(set, ids, now);
        return set;
    }

    /// <summary>Question texts already stored outside the demo are skipped rather than duplicated.</summary>
    private async Task<HashSet<string>> TakenHashesAsync(List<QuestionDraft> drafts, CancellationToken ct)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (!await db.Questions.AnyAsync(ct)) return taken;
        foreach (var chunk in drafts.Select(d => d.Hash).Chunk(500))
            taken.UnionWith(await db.Questions.Where(q => chunk.Contains(q.TextHash)).Select(q => q.TextHash).ToListAsync(ct));
        return taken;
    }

    private async Task ThrowIfKeysTakenAsync(DemoContent content, CancellationToken ct)
    {
        var domainKeys = content.Domains.Select(d => d.Key).ToList();
        var intentKeys = content.Domains.SelectMany(d => d.Intents).Select(i => i.Key).ToList();
        var slugs = content.Sops.Select(s => s.Slug).Distinct().ToList();
        var userNames = DemoUsers.UserNames.Select(n => n.ToUpperInvariant()).ToList();
        var clashes = new List<string>();
        clashes.AddRange(await db.Domains.Where(d => domainKeys.Contains(d.Key)).Select(d => "domain " + d.Key).ToListAsync(ct));
        clashes.AddRange(await db.Intents.Where(i => intentKeys.Contains(i.Key)).Select(i => "intent " + i.Key).ToListAsync(ct));
        clashes.AddRange(await db.Documents.Where(d => slugs.Contains(d.Slug)).Select(d => "SOP " + d.Slug + " (" + d.Locale + ")").ToListAsync(ct));
        clashes.AddRange(await db.RetrievalSuites.Where(s => s.Name == RetrievalSuiteBuilder.Name).Select(s => "retrieval suite " + s.Name).ToListAsync(ct));
        clashes.AddRange(await db.Users.Where(u => userNames.Contains(u.NormalizedUserName!)).Select(u => "user " + u.UserName).ToListAsync(ct));
        if (clashes.Count > 0)
            throw new InvalidOperationException(
                $"The demo workspace cannot be seeded: these already exist outside the demo: {string.Join(", ", clashes.Take(10))}" +
                (clashes.Count > 10 ? $" and {clashes.Count - 10} more" : "") + ".");
    }

    private async Task WriteAsync(DemoDataSet set, System.Data.Common.DbTransaction transaction, CancellationToken ct)
    {
        var writer = new DemoBulkWriter(db, transaction);
        await writer.InsertAsync(set.NewRoles, ct);
        await writer.InsertAsync(set.Users, ct);
        await writer.InsertAsync(set.UserRoles, ct);
        await writer.InsertAsync(set.Domains, ct);
        await writer.InsertAsync(set.Intents, ct);
        await writer.InsertAsync(set.Documents, ct);
        await writer.InsertAsync(set.Chunks, ct);
        await writer.InsertAsync(set.Scripts, ct);
        await writer.InsertAsync(set.ScriptVersions, ct);
        await writer.InsertAsync(set.Questions, ct);
        await writer.InsertAsync(set.Batches, ct);
        await writer.InsertAsync(set.BatchAnnotators, ct);
        await writer.InsertAsync(set.Items, ct);
        await writer.InsertAsync(set.Labels, ct);
        await writer.InsertAsync(set.Skips, ct);
        await writer.InsertAsync(set.Adjudications, ct);
        await writer.InsertAsync(set.Conversations, ct);
        await writer.InsertAsync(set.Turns, ct);
        await writer.InsertAsync(set.Feedback, ct);
        await writer.InsertAsync(set.Grades, ct);
        await writer.InsertAsync(set.Escalations, ct);
        await writer.SyncIdentitySequencesAsync(ct);
    }
}
