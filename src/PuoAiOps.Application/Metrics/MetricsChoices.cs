using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Metrics;

public sealed record DomainChoice(int Id, string Key, string En, string Zh);

/// <summary>What the dashboard filters offer: the locales and channels that occur in the rollups, and the domains.</summary>
/// <param name="IntentKeys">Intent key by the breakdown key (the intent id as text), for links to the conversations.</param>
public sealed record FilterChoices(IReadOnlyList<string> Locales, IReadOnlyList<string> Channels, IReadOnlyList<DomainChoice> Domains,
    IReadOnlyDictionary<string, string> IntentKeys);

/// <summary>The choices of the dashboard filters, read from the rollups (small) rather than the conversations.</summary>
public sealed class MetricsChoices(PuoDbContext db)
{
    public async Task<FilterChoices> FilterChoicesAsync(CancellationToken ct = default)
    {
        var locales = await db.MetricRollups.AsNoTracking().Select(r => r.Locale).Distinct().OrderBy(l => l).ToListAsync(ct);
        var channels = await db.MetricRollups.AsNoTracking().Select(r => r.Channel).Distinct().OrderBy(c => c).ToListAsync(ct);
        var domains = (await db.Domains.AsNoTracking().Select(d => new { d.Id, d.Key, d.Names }).ToListAsync(ct))
            .Select(d => new DomainChoice(d.Id, d.Key, d.Names.GetValueOrDefault("en") ?? d.Key, d.Names.GetValueOrDefault("zh-CN") ?? d.Names.GetValueOrDefault("en") ?? d.Key))
            .OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        var intents = await db.Intents.AsNoTracking().Select(i => new { i.Id, i.Key }).ToListAsync(ct);
        return new FilterChoices(locales, channels, domains,
            intents.ToDictionary(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i.Key, StringComparer.Ordinal));
    }
}
