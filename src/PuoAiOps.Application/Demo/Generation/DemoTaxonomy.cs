using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>One demo intent with what the generators need beside the entity.</summary>
internal sealed record DemoIntent(Intent Entity, IntentSpec Spec, DomainSpec Domain)
{
    /// <summary>Intents an annotator or the classifier confuses this one with: near misses first, then the domain.</summary>
    public List<DemoIntent> Neighbours { get; } = [];

    public bool IsStreamerTopic => Domain.Key is "streaming" or "payouts";
}

/// <summary>The demo taxonomy (domains and intents as entities) plus lookups by key and id.</summary>
internal sealed class DemoTaxonomy
{
    private readonly Dictionary<string, DemoIntent> _byKey;

    public IReadOnlyList<DemoIntent> Intents { get; }

    private DemoTaxonomy(List<DemoIntent> intents)
    {
        Intents = intents;
        _byKey = intents.ToDictionary(i => i.Spec.Key, StringComparer.Ordinal);
    }

    public DemoIntent this[string key] => _byKey.TryGetValue(key, out var intent)
        ? intent
        : throw new InvalidDataException($"Demo content refers to unknown intent '{key}'.");

    public static DemoTaxonomy Build(DemoContent content, DemoDataSet set, DemoIds ids, DemoRandom random, DateTime now)
    {
        var intents = new List<DemoIntent>();
        foreach (var domainSpec in content.Domains)
        {
            var domain = new IntentDomain
            {
                Id = ids.NextInt<IntentDomain>(),
                Key = domainSpec.Key,
                Names = new Dictionary<string, string>(domainSpec.Names),
                Description = domainSpec.Description,
                SortOrder = domainSpec.Sort,
                IsDemo = true,
            };
            set.Domains.Add(domain);
            foreach (var spec in domainSpec.Intents)
            {
                var intent = new Intent
                {
                    Id = ids.NextInt<Intent>(),
                    DomainId = domain.Id,
                    Key = spec.Key,
                    Names = new Dictionary<string, string>(spec.Names),
                    Description = spec.Description,
                    IncludeCriteria = spec.Include,
                    ExcludeCriteria = spec.Exclude,
                    Examples = [.. spec.Examples],
                    Status = IntentStatus.Active,
                    GuideRef = $"{domainSpec.Guide}#{GuideAnchor.For(spec.Names[DemoLocales.English])}",
                    IsDemo = true,
                    UpdatedAt = now.AddDays(-100 + intents.Count % 17),
                    Version = random.NextGuid(),
                };
                set.Intents.Add(intent);
                intents.Add(new DemoIntent(intent, spec, domainSpec));
            }
        }

        var taxonomy = new DemoTaxonomy(intents);
        foreach (var intent in intents)
        {
            intent.Neighbours.AddRange(intent.Spec.NearMisses.Select(n => taxonomy[n.Intent]));
            intent.Neighbours.AddRange(intents.Where(o => o.Domain == intent.Domain && o != intent && !intent.Neighbours.Contains(o)));
        }
        return taxonomy;
    }
}
