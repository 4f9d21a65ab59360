using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>Reads versions for display: every column but the blob (which may be megabytes), plus its size.</summary>
public sealed class ModelVersionReader(PuoDbContext db)
{
    public async Task<IReadOnlyList<ModelVersionSummary>> ListAsync(CancellationToken ct = default)
    {
        var rows = await WithoutBlob(db.ModelVersions.AsNoTracking().OrderByDescending(m => m.Id)).ToListAsync(ct);
        var names = await UserNamesAsync(rows.Select(r => r.Version.PromotedById), ct);
        return rows.Select(r => Summarize(r, names, EvaluationJson.Read(r.Version.Metrics), ModelSettings.FromJson(r.Version.Settings))).ToList();
    }

    /// <summary>
    /// One page of versions. Id, name and training time sort and page in the database; the scores live in
    /// the metrics JSON, so those sorts read every version's row (never its blob) and page in memory:
    /// a workspace keeps tens to hundreds of versions, not millions.
    /// </summary>
    public async Task<VersionPage> PageAsync(VersionPageQuery query, CancellationToken ct = default)
    {
        if (query.Skip < 0 || query.Take is < 1 or > VersionPageQuery.MaxTake)
            throw new Common.ValidationException("take", $"Ask for 1 to {VersionPageQuery.MaxTake} versions from a position of 0 or more.");
        var all = db.ModelVersions.AsNoTracking();
        var total = await all.CountAsync(ct);
        IQueryable<ModelVersion>? ordered = (query.Sort, query.Descending) switch
        {
            (VersionSort.Id, false) => all.OrderBy(m => m.Id),
            (VersionSort.Id, true) => all.OrderByDescending(m => m.Id),
            (VersionSort.Name, false) => all.OrderBy(m => m.Name).ThenBy(m => m.Id),
            (VersionSort.Name, true) => all.OrderByDescending(m => m.Name).ThenByDescending(m => m.Id),
            (VersionSort.Trained, false) => all.OrderBy(m => m.TrainedAt).ThenBy(m => m.Id),
            (VersionSort.Trained, true) => all.OrderByDescending(m => m.TrainedAt).ThenByDescending(m => m.Id),
            _ => null,
        };
        if (ordered is not null)
        {
            var rows = await WithoutBlob(ordered.Skip(query.Skip).Take(query.Take)).ToListAsync(ct);
            var names = await UserNamesAsync(rows.Select(r => r.Version.PromotedById), ct);
            return new VersionPage(rows.Select(r => Summarize(r, names, EvaluationJson.Read(r.Version.Metrics), ModelSettings.FromJson(r.Version.Settings))).ToList(), total);
        }
        Func<ModelVersionSummary, double> key = query.Sort switch
        {
            VersionSort.Accuracy => v => v.Accuracy,
            VersionSort.MacroF1 => v => v.MacroF1,
            VersionSort.OutOfScopeRecall => v => v.OutOfScopeRecall ?? -1,
            _ => v => v.Coverage,
        };
        var summaries = await ListAsync(ct);
        var sorted = query.Descending ? summaries.OrderByDescending(key).ThenByDescending(v => v.Id) : summaries.OrderBy(key).ThenBy(v => v.Id);
        return new VersionPage(sorted.Skip(query.Skip).Take(query.Take).ToList(), summaries.Count);
    }

    public async Task<ModelVersionDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var row = await WithoutBlob(db.ModelVersions.AsNoTracking().Where(m => m.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var names = await UserNamesAsync([row.Version.PromotedById], ct);
        var report = EvaluationJson.Read(row.Version.Metrics);
        var settings = ModelSettings.FromJson(row.Version.Settings);
        return new ModelVersionDetail(Summarize(row, names, report, settings), row.Version.Labels, settings, report);
    }

    public async Task<ModelVersionSummary?> SummaryAsync(long id, CancellationToken ct = default) => (await DetailAsync(id, ct))?.Summary;

    private static IQueryable<VersionRow> WithoutBlob(IQueryable<ModelVersion> query) =>
        query.Select(m => new VersionRow(new ModelVersion
        {
            Id = m.Id,
            Kind = m.Kind,
            Name = m.Name,
            DataHash = m.DataHash,
            Labels = m.Labels,
            Settings = m.Settings,
            Metrics = m.Metrics,
            TrainedById = m.TrainedById,
            TrainedAt = m.TrainedAt,
            IsServing = m.IsServing,
            PromotedAt = m.PromotedAt,
            PromotedById = m.PromotedById,
            IsDemo = m.IsDemo,
        }, m.Blob == null ? 0 : m.Blob.Length));

    private async Task<Dictionary<string, string>> UserNamesAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static ModelVersionSummary Summarize(VersionRow row, Dictionary<string, string> names, EvaluationReport report, ModelSettings settings)
    {
        var m = row.Version;
        var trainedBy = settings.TrainedBy is { Length: > 0 } by ? by : m.IsDemo ? "Demo" : "Command line";
        var promotedBy = m.PromotedById is { } pid ? names.GetValueOrDefault(pid) ?? "a removed user" : m.PromotedAt is null ? null : m.IsDemo ? "Demo" : "Command line";
        return new ModelVersionSummary(m.Id, m.Kind, m.Name, m.DataHash, m.Labels.Count, trainedBy,
            DateTime.SpecifyKind(m.TrainedAt, DateTimeKind.Utc), m.IsServing,
            m.PromotedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, promotedBy,
            report.TrainCount, report.TestCount, report.Accuracy, report.MacroF1, report.OutOfScopeRecall, report.Coverage, row.BlobBytes, m.IsDemo);
    }

    private sealed record VersionRow(ModelVersion Version, int BlobBytes);
}
