using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>One proposal an import would make, with the file line it comes from (0: an intent missing from the file).</summary>
internal sealed record PlannedChange(ChangePayload Payload, int Line, string IntentKey);

/// <summary>
/// Turns a taxonomy file into proposals relative to the current taxonomy, matching intents by key:
/// new keys are adds (with their domain when that is new too), changed names alone a rename, other
/// changes one edit, "deprecated" a deprecation, and intents missing from the file deprecations
/// (unless told to keep them). A key renamed in the file reads as a deprecation plus an add: key
/// renames go through a rename proposal instead. At most one proposal per intent, so approving one
/// never makes a sibling from the same file stale.
/// </summary>
internal sealed class TaxonomyImportPlanner(PuoDbContext db)
{
    public async Task<(List<PlannedChange> Changes, List<TaxonomyYamlError> Errors, List<CodedMessage> Warnings)> PlanAsync(
        TaxonomyDocument doc, bool deprecateMissing, CancellationToken ct)
    {
        var errors = new List<TaxonomyYamlError>();
        var warnings = new List<CodedMessage>();
        var domains = await db.Domains.AsNoTracking().ToDictionaryAsync(d => d.Key, StringComparer.Ordinal, ct);
        var intents = await db.Intents.AsNoTracking().Include(i => i.Domain).ToDictionaryAsync(i => i.Key, StringComparer.Ordinal, ct);
        var keyById = intents.Values.ToDictionary(i => i.Id, i => i.Key);
        var fileKeys = doc.Intents.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);

        if (fileKeys.Count == 0 && intents.Values.Any(i => i.Status != IntentStatus.Deprecated))
            errors.Add(new(1, 0, CodedMessage.Of(TaxonomyYamlMessage.NoIntents)));

        var adds = new List<PlannedChange>();
        var updates = new List<PlannedChange>();
        foreach (var domain in doc.Domains)
        {
            var existingDomain = domains.GetValueOrDefault(domain.Key);
            if (existingDomain is null && domain.Names is null)
                errors.Add(new(domain.Line, 0, CodedMessage.Of(TaxonomyYamlMessage.UnknownDomain, domain.Key)));
            if (existingDomain is not null && DomainDiffers(existingDomain, domain))
                warnings.Add(CodedMessage.Of(TaxonomyYamlMessage.ImportDomainChangesIgnored, domain.Key, domain.Line));
            if (existingDomain is null && domain.Intents.Count == 0)
                warnings.Add(CodedMessage.Of(TaxonomyYamlMessage.ImportDomainWithoutIntents, domain.Key, domain.Line));
            var newDomain = existingDomain is null && domain.Names is not null
                ? new NewDomain { Key = domain.Key, Names = new(domain.Names), Description = domain.Description, SortOrder = domain.SortOrder }
                : null;

            foreach (var intent in domain.Intents)
            {
                if (intent.ReplacedBy is { } r && !fileKeys.Contains(r) && !intents.ContainsKey(r))
                    errors.Add(new(intent.Line, 0, CodedMessage.Of(TaxonomyYamlMessage.ReplacedByUnknown, r)));
                if (intents.TryGetValue(intent.Key, out var current))
                {
                    if (Update(current, intent, domain.Key, newDomain, keyById, intents, warnings) is { } payload)
                        updates.Add(new(payload, intent.Line, intent.Key));
                }
                else adds.Add(new(Add(intent, domain.Key, newDomain), intent.Line, intent.Key));
            }
        }

        var missing = deprecateMissing
            ? intents.Values.Where(i => i.Status != IntentStatus.Deprecated && !fileKeys.Contains(i.Key)).OrderBy(i => i.Key, StringComparer.Ordinal)
                .Select(i => new PlannedChange(new DeprecateIntentPayload { IntentId = i.Id, ExpectedVersion = i.Version }, 0, i.Key)).ToList()
            : [];
        return ([.. OrderAdds(adds), .. updates.OrderBy(u => u.Payload is DeprecateIntentPayload), .. missing], errors, warnings);
    }

    private static AddIntentPayload Add(IntentDocument i, string domainKey, NewDomain? newDomain) => new()
    {
        DomainKey = domainKey,
        NewDomain = newDomain,
        Status = i.Status,
        ReplacedByKey = i.ReplacedBy,
        Intent = new IntentDraft
        {
            Key = i.Key, Names = new(i.Names), Description = i.Description, IncludeCriteria = i.IncludeCriteria,
            ExcludeCriteria = i.ExcludeCriteria, Examples = [.. i.Examples], GuideRef = i.GuideRef,
        },
    };

    private static ChangePayload? Update(Intent current, IntentDocument file, string domainKey, NewDomain? newDomain,
        Dictionary<int, string> keyById, Dictionary<string, Intent> intents, List<CodedMessage> warnings)
    {
        if (file.Status == IntentStatus.Deprecated && current.Status != IntentStatus.Deprecated)
        {
            if (FieldsDiffer(current, file, domainKey))
                warnings.Add(CodedMessage.Of(TaxonomyYamlMessage.ImportDeprecatedChangesIgnored, file.Key, file.Line));
            var replacement = file.ReplacedBy is null ? null : intents.GetValueOrDefault(file.ReplacedBy);
            return new DeprecateIntentPayload
            {
                IntentId = current.Id, ReplacedById = replacement?.Id,
                ReplacedByKey = replacement is null ? file.ReplacedBy : null, ExpectedVersion = current.Version,
            };
        }
        if (file.Status == IntentStatus.Deprecated && file.ReplacedBy != (current.ReplacedById is { } r ? keyById.GetValueOrDefault(r) : null))
            warnings.Add(CodedMessage.Of(TaxonomyYamlMessage.ImportReplacementIgnored, file.Key, file.Line));

        var names = NameChanges(current.Names, file.Names);
        var edit = new EditIntentPayload
        {
            IntentId = current.Id,
            Names = names,
            Description = Changed(current.Description, file.Description),
            IncludeCriteria = Changed(current.IncludeCriteria, file.IncludeCriteria),
            ExcludeCriteria = Changed(current.ExcludeCriteria, file.ExcludeCriteria),
            Examples = current.Examples.SequenceEqual(file.Examples) ? null : [.. file.Examples],
            GuideRef = Changed(current.GuideRef ?? "", file.GuideRef ?? ""),
            DomainKey = current.Domain?.Key == domainKey ? null : domainKey,
            NewDomain = current.Domain?.Key == domainKey ? null : newDomain,
            Status = file.Status == current.Status ? null : file.Status,
            ExpectedVersion = current.Version,
        };
        // Names alone read better to a reviewer as a rename.
        if (edit with { Names = null } == new EditIntentPayload { IntentId = current.Id, ExpectedVersion = current.Version })
            return names is null ? null : new RenameIntentPayload { IntentId = current.Id, Names = names, ExpectedVersion = current.Version };
        return edit;
    }

    /// <summary>Deprecated adds last, each after the intent that replaces it, so approval in id order finds every replacement.</summary>
    private static List<PlannedChange> OrderAdds(List<PlannedChange> adds)
    {
        var ordered = adds.Where(a => ((AddIntentPayload)a.Payload).Status != IntentStatus.Deprecated).ToList();
        var placed = ordered.Select(a => a.IntentKey).ToHashSet(StringComparer.Ordinal);
        var waiting = adds.Except(ordered).ToList();
        while (waiting.Count > 0)
        {
            var ready = waiting.Where(a => ((AddIntentPayload)a.Payload).ReplacedByKey is not { } r || placed.Contains(r) || waiting.All(w => w.IntentKey != r)).ToList();
            if (ready.Count == 0) ready = [waiting[0]]; // a replacement cycle: approval will report it
            foreach (var a in ready) { ordered.Add(a); placed.Add(a.IntentKey); waiting.Remove(a); }
        }
        return ordered;
    }

    private static Dictionary<string, string>? NameChanges(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> file)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (locale, name) in file.OrderBy(n => n.Key, StringComparer.Ordinal))
            if (current.GetValueOrDefault(locale) != name) changes[locale] = name;
        foreach (var locale in current.Keys.Where(k => !file.ContainsKey(k)).Order(StringComparer.Ordinal))
            changes[locale] = "";
        return changes.Count == 0 ? null : changes;
    }

    private static string? Changed(string current, string file) => current == file ? null : file;

    private static bool FieldsDiffer(Intent current, IntentDocument file, string domainKey) =>
        NameChanges(current.Names, file.Names) is not null || current.Description != file.Description
        || current.IncludeCriteria != file.IncludeCriteria || current.ExcludeCriteria != file.ExcludeCriteria
        || !current.Examples.SequenceEqual(file.Examples) || (current.GuideRef ?? "") != (file.GuideRef ?? "")
        || current.Domain?.Key != domainKey;

    private static bool DomainDiffers(IntentDomain current, DomainDocument file) =>
        (file.Names is not null && NameChanges(current.Names, file.Names) is not null)
        || (file.Names is not null && (current.Description != file.Description || current.SortOrder != file.SortOrder));
}
