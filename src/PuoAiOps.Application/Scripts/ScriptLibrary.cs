using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>Reads of the script library: search and filter, one script with its history, diffs, and what the bot serves.</summary>
public sealed class ScriptLibrary(PuoDbContext db, ScriptEditor editor)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<ScriptSummary>> SearchAsync(ScriptQuery? query = null, CancellationToken ct = default)
    {
        query ??= new ScriptQuery();
        var scripts = db.Scripts.AsNoTracking().Include(s => s.Intent).AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Intent)) scripts = scripts.Where(s => s.Intent!.Key == query.Intent);
        if (!string.IsNullOrWhiteSpace(query.Locale)) scripts = scripts.Where(s => s.Locale == query.Locale);
        if (!string.IsNullOrWhiteSpace(query.Channel)) scripts = scripts.Where(s => s.Channel == query.Channel);
        if (!string.IsNullOrWhiteSpace(query.OwnerId)) scripts = scripts.Where(s => s.OwnerId == query.OwnerId);
        var rows = await scripts.ToListAsync(ct);
        var ids = rows.Select(s => s.Id).ToList();
        var latest = await LatestVersionsAsync(ids, ct);

        IEnumerable<ReplyScript> filtered = rows;
        if (query.Status is { } status) filtered = filtered.Where(s => latest.TryGetValue(s.Id, out var v) && v.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Tag)) filtered = filtered.Where(s => s.Tags.Contains(query.Tag.Trim().ToLowerInvariant()));
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            filtered = filtered.Where(s => s.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Intent!.Key.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (latest.TryGetValue(s.Id, out var v) && v.Body.Contains(text, StringComparison.OrdinalIgnoreCase)));
        }
        return filtered.OrderBy(s => s.Intent!.Key, StringComparer.Ordinal).ThenBy(s => s.Locale, StringComparer.Ordinal).ThenBy(s => s.Channel, StringComparer.Ordinal)
            .Select(s => Summary(s, latest.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>
    /// One page of <see cref="SearchAsync"/>, ordered by <paramref name="sort"/> (then intent, locale,
    /// channel): the library grid asks for the rows it shows and the total, never the whole set.
    /// </summary>
    public async Task<ScriptPage> PageAsync(ScriptQuery? query, int skip, int take, ScriptSort sort = ScriptSort.Intent, bool descending = false, CancellationToken ct = default)
    {
        if (skip < 0) throw new ValidationException("skip", CodedMessage.Of(ScriptRefusal.SkipNegative));
        if (take is < 1 or > MaxTake) throw new ValidationException("take", CodedMessage.Of(ScriptRefusal.TakeOutOfRange, 1, MaxTake));
        var all = await SearchAsync(query, ct);
        IEnumerable<ScriptSummary> ordered = sort switch
        {
            ScriptSort.Title => Order(all, s => s.Title, descending),
            ScriptSort.Status => Order(all, s => s.Status.ToString(), descending),
            ScriptSort.Updated => descending ? all.OrderByDescending(s => s.UpdatedAt) : all.OrderBy(s => s.UpdatedAt),
            _ => Order(all, s => s.IntentKey, descending),
        };
        if (ordered is IOrderedEnumerable<ScriptSummary> then)
            ordered = then.ThenBy(s => s.IntentKey, StringComparer.Ordinal).ThenBy(s => s.Locale, StringComparer.Ordinal).ThenBy(s => s.Channel, StringComparer.Ordinal);
        return new ScriptPage(ordered.Skip(skip).Take(take).ToList(), all.Count);
    }

    private static IOrderedEnumerable<ScriptSummary> Order(IEnumerable<ScriptSummary> rows, Func<ScriptSummary, string> key, bool descending) =>
        descending ? rows.OrderByDescending(key, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(key, StringComparer.OrdinalIgnoreCase);

    public async Task<ScriptDetails> GetAsync(long scriptId, CancellationToken ct = default)
    {
        var script = await db.Scripts.AsNoTracking().Include(s => s.Intent).SingleOrDefaultAsync(s => s.Id == scriptId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.ScriptMissing, scriptId));
        var versions = await db.ScriptVersions.AsNoTracking().Include(v => v.Comments).Where(v => v.ScriptId == scriptId)
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        var open = versions.FirstOrDefault(v => v.Status is ScriptVersionStatus.Draft or ScriptVersionStatus.InReview or ScriptVersionStatus.Rejected);
        var findings = open is null ? [] : await editor.LintAsync(script, open, ct);
        return new ScriptDetails(Summary(script, versions.FirstOrDefault()), versions.Select(View).ToList(), findings);
    }

    /// <summary>Word-level diff between any two versions of the same script (Chinese by character).</summary>
    public async Task<ScriptDiffView> DiffAsync(long oldVersionId, long newVersionId, CancellationToken ct = default)
    {
        var pair = await db.ScriptVersions.AsNoTracking().Where(v => v.Id == oldVersionId || v.Id == newVersionId).ToListAsync(ct);
        var old = pair.FirstOrDefault(v => v.Id == oldVersionId) ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.VersionMissing, oldVersionId));
        var @new = pair.FirstOrDefault(v => v.Id == newVersionId) ?? throw new NotFoundException(CodedMessage.Of(ScriptRefusal.VersionMissing, newVersionId));
        if (old.ScriptId != @new.ScriptId) throw new ValidationException("version", CodedMessage.Of(ScriptRefusal.VersionsOfTwoScripts));
        return new ScriptDiffView(old.Id, old.Number, @new.Id, @new.Number, ScriptDiff.Compute(old.Body, @new.Body));
    }

    /// <summary>
    /// Approved versions in force at <paramref name="at"/> (default now): per script, the newest approved
    /// version whose effective date has come. Never a draft, a version in review, or a retired one.
    /// </summary>
    public async Task<IReadOnlyList<ServedScript>> ServedAsync(string? intent = null, string? locale = null, string? channel = null, DateTime? at = null, CancellationToken ct = default)
    {
        var now = at ?? DateTime.UtcNow;
        var query = from v in db.ScriptVersions.AsNoTracking()
                    join s in db.Scripts.AsNoTracking() on v.ScriptId equals s.Id
                    join i in db.Intents.AsNoTracking() on s.IntentId equals i.Id
                    where v.Status == ScriptVersionStatus.Approved && (v.EffectiveFrom == null || v.EffectiveFrom <= now)
                    select new { v, s, i.Key };
        if (!string.IsNullOrWhiteSpace(intent)) query = query.Where(x => x.Key == intent);
        if (!string.IsNullOrWhiteSpace(locale)) query = query.Where(x => x.s.Locale == locale);
        if (!string.IsNullOrWhiteSpace(channel)) query = query.Where(x => x.s.Channel == channel);
        var rows = await query.ToListAsync(ct);
        return rows.GroupBy(x => x.s.Id).Select(g => g.MaxBy(x => x.v.Number)!)
            .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.s.Locale, StringComparer.Ordinal).ThenBy(x => x.s.Channel, StringComparer.Ordinal)
            .Select(x => new ServedScript(x.s.Id, x.v.Id, x.v.Number, x.Key, x.s.Locale, x.s.Channel, x.s.Title, x.v.Body,
                x.v.Variables, x.v.ReviewedAt ?? x.v.CreatedAt, x.v.EffectiveFrom, x.v.SopLinks))
            .ToList();
    }

    /// <summary>
    /// Every approved version, whatever its effective date (the bot's <see cref="ServedScriptCache"/>
    /// chooses among them at each lookup, as <see cref="ServedAsync"/> does in the database).
    /// </summary>
    internal async Task<List<ServedScript>> ApprovedVersionsAsync(CancellationToken ct)
    {
        var rows = await (from v in db.ScriptVersions.AsNoTracking()
                          join s in db.Scripts.AsNoTracking() on v.ScriptId equals s.Id
                          join i in db.Intents.AsNoTracking() on s.IntentId equals i.Id
                          where v.Status == ScriptVersionStatus.Approved
                          select new { v, s, i.Key }).ToListAsync(ct);
        return rows.Select(x => new ServedScript(x.s.Id, x.v.Id, x.v.Number, x.Key, x.s.Locale, x.s.Channel, x.s.Title, x.v.Body,
            x.v.Variables, x.v.ReviewedAt ?? x.v.CreatedAt, x.v.EffectiveFrom, x.v.SopLinks)).ToList();
    }

    internal async Task<Dictionary<long, ReplyScriptVersion>> LatestVersionsAsync(IReadOnlyList<long> scriptIds, CancellationToken ct)
    {
        var latest = new Dictionary<long, ReplyScriptVersion>();
        foreach (var chunk in scriptIds.Chunk(500))
        {
            var versions = await db.ScriptVersions.AsNoTracking().Where(v => chunk.Contains(v.ScriptId)).ToListAsync(ct);
            foreach (var v in versions)
                if (!latest.TryGetValue(v.ScriptId, out var seen) || seen.Number < v.Number) latest[v.ScriptId] = v;
        }
        return latest;
    }

    private static ScriptSummary Summary(ReplyScript s, ReplyScriptVersion? latest) => new(
        s.Id, s.Intent?.Key ?? "", s.Locale, s.Channel, s.Title, s.Tags, s.OwnerId, latest?.Status ?? ScriptVersionStatus.Draft,
        latest?.Number ?? 0, s.PublishedVersionId, s.UpdatedAt);

    private static VersionView View(ReplyScriptVersion v) => new(
        v.Id, v.Number, v.Status, v.Body, v.Variables, v.SopLinks, v.EffectiveFrom, v.AuthorId, v.CreatedAt, v.UpdatedById, v.UpdatedAt,
        v.SubmittedAt, v.ReviewerId, v.ReviewedAt, v.ReviewNote, v.Stamp,
        v.Comments.OrderBy(c => c.CreatedAt).Select(c => new CommentView(c.Id, c.AuthorId, c.AuthorName, c.Body, c.CreatedAt)).ToList());
}
