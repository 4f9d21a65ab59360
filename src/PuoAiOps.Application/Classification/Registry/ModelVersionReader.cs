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
