using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Serving;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>
/// The model versions of the workspace: list, read, compare, promote one to serving, roll back.
/// Exactly one version serves at a time; promotion rewrites the flag on every row in one statement,
/// which stays correct when two people promote at once on SQLite and PostgreSQL.
/// </summary>
public sealed class ModelRegistry(PuoDbContext db, ServingClassifier serving, AiChatClientProvider ai, TimeProvider clock, ILogger<ModelRegistry> logger)
{
    public Task<IReadOnlyList<ModelVersionSummary>> ListAsync(CancellationToken ct = default) => new ModelVersionReader(db).ListAsync(ct);

    public Task<VersionPage> PageAsync(VersionPageQuery query, CancellationToken ct = default) => new ModelVersionReader(db).PageAsync(query, ct);

    public Task<ModelVersionDetail?> GetAsync(long id, CancellationToken ct = default) => new ModelVersionReader(db).DetailAsync(id, ct);

    public async Task<ModelComparison?> CompareAsync(long a, long b, CancellationToken ct = default)
    {
        var first = await GetAsync(a, ct);
        var second = await GetAsync(b, ct);
        if (first is null || second is null) return null;
        var left = first.Report.PerLabel.ToDictionary(m => m.Label, StringComparer.Ordinal);
        var right = second.Report.PerLabel.ToDictionary(m => m.Label, StringComparer.Ordinal);
        var labels = left.Keys.Union(right.Keys).Order(StringComparer.Ordinal);
        var deltas = labels.Select(l => new LabelDelta(l, left.GetValueOrDefault(l), right.GetValueOrDefault(l))).ToList();
        return new ModelComparison(first, second, deltas, first.Summary.DataHash == second.Summary.DataHash);
    }

    /// <summary>The serving version, if any.</summary>
    public Task<long?> ServingIdAsync(CancellationToken ct = default) =>
        db.ModelVersions.AsNoTracking().Where(m => m.IsServing).OrderByDescending(m => m.PromotedAt).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);

    /// <summary>The version that served before the current one (what a rollback returns to), if any.</summary>
    public async Task<ModelVersionSummary?> RollbackTargetAsync(CancellationToken ct = default)
    {
        var current = await db.ModelVersions.AsNoTracking().Where(m => m.IsServing).Select(m => new { m.Id, m.PromotedAt }).FirstOrDefaultAsync(ct);
        if (current?.PromotedAt is not { } since) return null;
        var previous = await db.ModelVersions.AsNoTracking()
            .Where(m => !m.IsServing && m.PromotedAt != null && m.PromotedAt < since)
            .OrderByDescending(m => m.PromotedAt).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        return previous is { } id ? (await GetAsync(id, ct))?.Summary : null;
    }

    /// <summary>Makes <paramref name="id"/> the serving version (Reviewer or Admin).</summary>
    public Task<ModelVersionSummary> PromoteAsync(long id, Actor actor, CancellationToken ct = default) =>
        SwitchAsync(id, actor, ModelAudit.Promoted, ct);


    /// <summary>
    /// Serves again the version that served before the current one (Reviewer or Admin). The current
    /// version is withdrawn from the promotion history (the audit log keeps it), so rolling back again
    /// walks further back instead of flipping between two versions.
    /// </summary>
    public async Task<ModelVersionSummary> RollbackAsync(Actor actor, CancellationToken ct = default)
    {
        RequirePromoter(actor);
        var target = await RollbackTargetAsync(ct)
            ?? throw new ValidationException("version", CodedMessage.Of(ClassificationRefusal.NoEarlierVersion));
        var current = await ServingIdAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.ModelVersions.ExecuteUpdateAsync(s => s.SetProperty(m => m.IsServing, m => m.Id == target.Id), ct);
            await db.ModelVersions.Where(m => m.Id == current).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.PromotedAt, (DateTime?)null)
                .SetProperty(m => m.PromotedById, (string?)null), ct);
            db.AuditLog.Add(ModelAudit.Entry(actor, ModelAudit.RolledBack, target.Id, CodedMessage.Of(AuditDetail.RolledBack, current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", target.Name), now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        serving.Invalidate();
        ClassificationLog.Promoted(logger, target.Id, current);
        return (await GetAsync(target.Id, ct))!.Summary;
    }

    /// <summary>Replaces the stored metrics of a version (cross-validation results are added this way).</summary>
    public async Task UpdateReportAsync(long id, Func<EvaluationReport, EvaluationReport> change, CancellationToken ct = default)
    {
        var version = await db.ModelVersions.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException(CodedMessage.Of(ClassificationRefusal.VersionMissing, id));
        version.Metrics = EvaluationJson.Write(change(EvaluationJson.Read(version.Metrics)));
        await db.SaveChangesAsync(ct);
    }

    public static bool CanPromote(Actor actor) => actor.IsInAnyRole(Roles.Reviewer, Roles.Admin);

    private async Task<ModelVersionSummary> SwitchAsync(long id, Actor actor, string action, CancellationToken ct)
    {
        RequirePromoter(actor);
        var target = await db.ModelVersions.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Id, m.Kind, m.Name, m.IsServing }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CodedMessage.Of(ClassificationRefusal.VersionMissing, id));
        if (target.Kind == ModelKind.Llm && !ai.IsConfigured)
            throw new ValidationException("version", CodedMessage.Of(ClassificationRefusal.LlmCannotServe));
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await ServingIdAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.ModelVersions.ExecuteUpdateAsync(s => s.SetProperty(m => m.IsServing, m => m.Id == id), ct);
            await db.ModelVersions.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.PromotedAt, now)
                .SetProperty(m => m.PromotedById, actor.UserId), ct);
            db.AuditLog.Add(ModelAudit.Entry(actor, action, id, previous is { } p ? CodedMessage.Of(AuditDetail.NowServes, target.Name, p) : CodedMessage.Of(AuditDetail.NowServesFirst, target.Name), now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        serving.Invalidate();
        ClassificationLog.Promoted(logger, id, previous);
        return (await GetAsync(id, ct))!.Summary;
    }

    private static void RequirePromoter(Actor actor)
    {
        if (!CanPromote(actor)) throw new ForbiddenException(CodedMessage.Of(ClassificationRefusal.OnlyPromoters));
    }
}
