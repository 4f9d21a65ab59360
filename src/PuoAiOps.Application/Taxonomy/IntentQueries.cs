using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy;

/// <summary>
/// The intents as a table (filtered, sorted and paged on the server) and as a picker's search. The
/// taxonomy is hundreds of rows whose names are JSON per locale, so both filter in memory after one read.
/// </summary>
public sealed class IntentQueries(PuoDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<IntentTablePage> QueryAsync(IntentTableQuery query, CancellationToken ct = default)
    {
        var rows = await RowsAsync(query.Status, ct);
        if (!string.IsNullOrWhiteSpace(query.DomainKey)) rows = rows.Where(r => r.DomainKey == query.DomainKey).ToList();
        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search)) rows = rows.Where(r => MatchesKeyOrName(r, search)).ToList();
        var sorted = Sort(rows, query.Sort, query.Descending).ToList();
        var take = Math.Clamp(query.Take, 1, MaxPageSize);
        return new IntentTablePage(sorted.Skip(Math.Max(0, query.Skip)).Take(take).ToList(), sorted.Count);
    }

    /// <summary>
    /// Intents matching every word of <paramref name="text"/> in their key, a name in any locale, domain or
    /// description, best first by <see cref="IntentRanking"/>. Deprecated intents only when asked for.
    /// </summary>
    public async Task<IReadOnlyList<IntentRow>> SearchAsync(string? text, int take = 20, bool includeDeprecated = false, CancellationToken ct = default)
    {
        var rows = await RowsAsync(null, ct);
        if (!includeDeprecated) rows = rows.Where(r => r.Status != IntentStatus.Deprecated).ToList();
        var terms = IntentRanking.Terms(text);
        var ordered = rows.OrderBy(r => r.DomainSortOrder).ThenBy(r => r.DomainKey, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal);
        if (terms.Length == 0) return ordered.Take(take).ToList();
        // The same ranking as the labeling picker (IntentRanking); ties keep the taxonomy's order.
        return ordered
            .Select(r => (Row: r, Score: IntentRanking.Score(r.Key, r.Names.Values,
                IntentRanking.SearchText(r.Key, r.Names.Values, [r.DomainKey, .. r.DomainNames.Values], r.Description), terms)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Take(Math.Clamp(take, 1, MaxPageSize)).Select(x => x.Row).ToList();
    }

    /// <summary>The rows of the given intents (any status), for a picker that shows what is already chosen.</summary>
    public async Task<IReadOnlyList<IntentRow>> GetAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var rows = await RowsAsync(null, ct);
        return rows.Where(r => ids.Contains(r.Id)).ToList();
    }

    private async Task<List<IntentRow>> RowsAsync(IntentStatus? status, CancellationToken ct)
    {
        var query = db.Intents.AsNoTracking();
        if (status is { } s) query = query.Where(i => i.Status == s);
        var rows = await query.Select(i => new { i.Id, i.Key, i.Names, i.Description, i.Status, i.GuideRef, Domain = i.Domain!.Key, DomainNames = i.Domain.Names, i.Domain.SortOrder })
            .ToListAsync(ct);
        return rows.Select(r => new IntentRow(r.Id, r.Key, r.Names, r.Description, r.Domain, r.DomainNames, r.SortOrder, r.Status, r.GuideRef)).ToList();
    }

    /// <summary>The taxonomy table's filter: the text inside the key or a name, in any case (not a ranking).</summary>
    private static bool MatchesKeyOrName(IntentRow row, string search) =>
        row.Key.Contains(search, StringComparison.OrdinalIgnoreCase) || row.Names.Values.Any(n => n.Contains(search, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<IntentRow> Sort(IEnumerable<IntentRow> rows, IntentSort sort, bool descending)
    {
        var ordered = sort switch
        {
            IntentSort.Name => rows.OrderBy(r => Changes.DraftRules.DisplayName(r.Names), StringComparer.CurrentCultureIgnoreCase),
            IntentSort.Status => rows.OrderBy(r => r.Status),
            IntentSort.Key => rows.OrderBy(r => r.Key, StringComparer.Ordinal),
            _ => rows.OrderBy(r => r.DomainSortOrder).ThenBy(r => r.DomainKey, StringComparer.Ordinal),
        };
        ordered = ordered.ThenBy(r => r.Key, StringComparer.Ordinal);
        return descending ? ordered.Reverse() : ordered;
    }
}
