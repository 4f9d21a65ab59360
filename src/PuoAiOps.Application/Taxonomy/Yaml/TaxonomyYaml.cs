using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>
/// The taxonomy as a YAML file: export the current state, import a file as proposals (never
/// applied directly: a reviewer approves them like any other). Every problem in a file is a
/// <see cref="ValidationException"/> whose errors are keyed "line N".
/// </summary>
public sealed class TaxonomyYaml(PuoDbContext db, TaxonomyChangeService changes, ILogger<TaxonomyYaml> logger)
{
    public async Task<string> ExportAsync(CancellationToken ct = default) =>
        TaxonomyYamlWriter.Write(await TaxonomySnapshot.LoadAsync(db, ct));

    /// <summary>Checks a file without the database: syntax, fields, keys, duplicates. Empty when the file reads well.</summary>
    public static IReadOnlyList<TaxonomyYamlError> Check(string yaml) => TaxonomyYamlReader.Read(yaml).Errors;

    public async Task<TaxonomyImportResult> ImportAsync(string yaml, Actor actor, TaxonomyImportOptions? options = null, CancellationToken ct = default)
    {
        options ??= new TaxonomyImportOptions();
        TaxonomyChangeService.RequireRole(actor, TaxonomyChangeService.ProposerRoles, TaxonomyRefusal.OnlyProposersImport);

        var (document, readErrors) = TaxonomyYamlReader.Read(yaml);
        if (document is null) throw Invalid(readErrors);
        var (planned, errors, warnings) = await new TaxonomyImportPlanner(db).PlanAsync(document, options.DeprecateMissing, ct);
        if (errors.Count > 0) throw Invalid(errors);

        // The same file imported twice must not queue every proposal twice.
        var pending = await db.TaxonomyChanges.AsNoTracking().Where(c => c.Status == ReviewStatus.Pending)
            .Select(c => new { c.Id, c.Kind, c.Payload, c.Summary, c.SummaryCode, c.SummaryArgs }).ToListAsync(ct);
        var pendingByText = pending.GroupBy(c => (c.Kind, c.Payload)).ToDictionary(g => g.Key, g => g.First());
        var already = new List<ImportedChange>();
        var fresh = new List<PlannedChange>();
        foreach (var change in planned)
        {
            if (pendingByText.TryGetValue((PayloadJson.KindOf(change.Payload), PayloadJson.Serialize(change.Payload)), out var same))
                already.Add(new ImportedChange(same.Id, same.Kind, change.IntentKey, same.Summary, change.Line, ChangeSummaries.Read(same.SummaryCode, same.SummaryArgs)));
            else fresh.Add(change);
        }

        var added = fresh.Where(c => c.Payload is AddIntentPayload).Select(c => c.IntentKey).ToHashSet(StringComparer.Ordinal);
        var validator = new ChangeValidator(db, added);
        var validated = new List<(ValidatedChange Change, PlannedChange Plan)>();
        foreach (var change in fresh)
        {
            try
            {
                validated.Add((await validator.ValidateAsync(change.Payload, ct), change));
            }
            catch (ValidationException ex)
            {
                // Each message keeps its code (when it has one) inside the coded "intent 'key': ..." line.
                errors.AddRange(ex.Errors.SelectMany(e => e.Value.Select((m, i) =>
                    ex.Codes.TryGetValue(e.Key, out var codes) && i < codes.Length && codes[i] is { } code ? (object)code : m))
                    .Select(m => new TaxonomyYamlError(Math.Max(1, change.Line), 0, CodedMessage.Of(TaxonomyYamlMessage.InIntent, change.IntentKey, m))));
            }
        }
        if (errors.Count > 0) throw Invalid(errors);

        var ids = validated.Select(_ => (long?)null).ToList();
        if (!options.DryRun && validated.Count > 0)
            ids = (await changes.SaveProposalsAsync(validated.Select(v => v.Change).ToList(), actor, ct)).Select(c => (long?)c.Id).ToList();
        if (!options.DryRun) TaxonomyLog.Imported(logger, validated.Count, already.Count);
        var proposed = validated.Select((v, i) => new ImportedChange(ids[i], v.Change.Kind, v.Plan.IntentKey, v.Change.Summary.English, v.Plan.Line, v.Change.Summary)).ToList();
        return new TaxonomyImportResult(proposed, already, warnings, options.DryRun);
    }

    private static ValidationException Invalid(IReadOnlyList<TaxonomyYamlError> errors)
    {
        var ordered = errors.OrderBy(e => e.Line).ToList();
        var byLine = ordered.GroupBy(e => $"line {e.Line}").ToList();
        var more = ordered.Count > 1 ? $" ({ordered.Count - 1} more)" : "";
        // The title stays English (the API's and CLI's summary); the console words each line's message by its code.
        return new ValidationException($"{ordered[0]}{more}",
            byLine.ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            byLine.ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()));
    }
}
