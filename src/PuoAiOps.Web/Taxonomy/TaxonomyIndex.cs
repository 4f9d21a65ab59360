using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;

namespace PuoAiOps.Web.Taxonomy;

/// <summary>The whole taxonomy in memory for one page: intents by id for rendering proposals and pickers.</summary>
public sealed class TaxonomyIndex
{
    private readonly Dictionary<int, (IntentSummary Intent, DomainView Domain)> _byId;

    private TaxonomyIndex(IReadOnlyList<DomainView> domains)
    {
        Domains = domains;
        _byId = domains.SelectMany(d => d.Intents.Select(i => (i, d))).ToDictionary(x => x.i.Id, x => (x.i, x.d));
    }

    public IReadOnlyList<DomainView> Domains { get; }

    public static async Task<TaxonomyIndex> LoadAsync(TaxonomyService taxonomy, CancellationToken ct) =>
        new(await taxonomy.ListAsync(null, ct));

    public IntentSummary? Intent(int id) => _byId.TryGetValue(id, out var x) ? x.Intent : null;

    public DomainView? DomainOf(int intentId) => _byId.TryGetValue(intentId, out var x) ? x.Domain : null;

    /// <summary>"key — Name" for pickers and summaries; "#id" when the intent is unknown.</summary>
    public string Label(int id) => Intent(id) is { } i ? $"{i.Key} — {Locales.DisplayName(i.Names, i.Key)}" : $"#{id}";

    public string Key(int id) => Intent(id)?.Key ?? $"#{id}";

    /// <summary>Intents that can take part in a change (not deprecated), grouped by domain for a select.</summary>
    public IEnumerable<(DomainView Domain, IReadOnlyList<IntentSummary> Intents)> Selectable(int? except = null) =>
        Domains.Select(d => (d, (IReadOnlyList<IntentSummary>)d.Intents.Where(i => i.Status != IntentStatus.Deprecated && i.Id != except).ToList()))
            .Where(g => g.Item2.Count > 0);
}
