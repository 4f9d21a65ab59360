using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

public sealed record ScriptImportResult(int Created, int Drafts, IReadOnlyList<FileLintFinding> Findings);

/// <summary>
/// Lint, import and export of script files. An import is all or nothing: every item is checked
/// first (intent exists and was not merged away, body within the channel's limit, no open draft that
/// the import would overwrite), then all drafts are written in one transaction. Imported text always
/// lands as drafts, never approved.
/// </summary>
public sealed class ScriptFiles(PuoDbContext db, StyleRuleSettings rules, ScriptLibrary library, ILogger<ScriptFiles> logger)
{
    public async Task<IReadOnlyList<FileLintFinding>> LintAsync(IReadOnlyList<ScriptFileItem> items, CancellationToken ct = default)
    {
        var redactor = await rules.RedactorAsync(ct);
        var findings = new List<FileLintFinding>();
        foreach (var item in items)
        {
            var styleRules = await rules.ForAsync(item.Locale, item.Channel, ct);
            findings.AddRange(ScriptLinter.Lint(item.Body, item.Variables, styleRules, redactor)
                .Select(f => new FileLintFinding(item.Index, f.Rule, f.Severity == LintSeverity.Error ? "error" : "warning", f.Message, f.Start, f.End)));
        }
        return findings;
    }

    public async Task<ScriptImportResult> ImportAsync(IReadOnlyList<ScriptFileItem> items, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsImportScripts);
        // Keyed by item and line; each message keeps its code so the console can word it (the CLI prints the English).
        var errors = new Dictionary<string, List<(string Text, CodedMessage? Code)>>(StringComparer.Ordinal);
        void Error(ScriptFileItem item, CodedMessage message)
        {
            var key = $"item {item.Index} (line {item.Line})";
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add((message.English, message));
        }

        var intents = new Dictionary<string, Intent>(StringComparer.Ordinal);
        var existing = await db.Scripts.AsNoTracking().Include(s => s.Intent).ToListAsync(ct);
        var latest = await library.LatestVersionsAsync(existing.Select(s => s.Id).ToList(), ct);
        var seen = new HashSet<(string, string, string)>();
        foreach (var item in items)
        {
            if (!intents.ContainsKey(item.Intent))
            {
                var (intent, problem) = await ScriptInputRules.ResolveIntentAsync(db, item.Intent, ct);
                if (problem is not null) Error(item, problem);
                else intents[item.Intent] = intent!;
            }
            var styleRules = await rules.ForAsync(item.Locale, item.Channel, ct);
            if (item.Body.Length > styleRules.MaxLength)
                Error(item, CodedMessage.Of(ScriptFileMessage.BodyTooLongFor, item.Body.Length, item.Locale, item.Channel, styleRules.MaxLength));
            foreach (var p in ScriptInputRules.DraftProblems(new DraftInput(item.Body, item.Variables, item.SopLinks))) Error(item, p);
            if (!seen.Add((item.Intent, item.Locale, item.Channel))) Error(item, CodedMessage.Of(ScriptFileMessage.DuplicateInFile, item.Locale, item.Channel, item.Intent));
            var script = existing.FirstOrDefault(s => s.Intent?.Key == item.Intent && s.Locale == item.Locale && s.Channel == item.Channel);
            if (script is not null && latest.TryGetValue(script.Id, out var v) && v.Status is ScriptVersionStatus.Draft or ScriptVersionStatus.InReview or ScriptVersionStatus.Rejected)
                Error(item, CodedMessage.Of(ScriptFileMessage.OpenVersion, script.Id, v.Number, ScriptInputRules.StatusWord(v.Status)));
        }
        ValidationException.ThrowIfAny(errors);

        var now = DateTime.UtcNow;
        var (created, drafts) = (0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var item in items)
        {
            var script = await db.Scripts.SingleOrDefaultAsync(s => s.IntentId == intents[item.Intent].Id && s.Locale == item.Locale && s.Channel == item.Channel, ct);
            if (script is null)
            {
                script = new ReplyScript { IntentId = intents[item.Intent].Id, Locale = item.Locale, Channel = item.Channel, Title = item.Title, OwnerId = actor.UserId };
                db.Scripts.Add(script);
                created++;
            }
            script.Tags = item.Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
            script.UpdatedAt = now;
            var number = script.Id == 0 ? 1 : (latest.TryGetValue(script.Id, out var v) ? v.Number : 0) + 1;
            var version = new ReplyScriptVersion
            {
                Number = number, Body = item.Body, Variables = [.. item.Variables], SopLinks = [.. item.SopLinks],
                AuthorId = actor.UserId, UpdatedById = actor.UserId, CreatedAt = now, UpdatedAt = now,
            };
            script.Versions.Add(version);
            await db.SaveChangesAsync(ct);
            db.AuditLog.Add(ScriptAudit.Version(actor, "script.import", script, version));
            drafts++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        ScriptLog.Imported(logger, created, drafts);
        return new ScriptImportResult(created, drafts, await LintAsync(items, ct));
    }

    /// <summary>Every script's current text (served version, else newest) in the import format.</summary>
    public async Task<(string Yaml, int Count)> ExportAsync(CancellationToken ct = default)
    {
        var scripts = await db.Scripts.AsNoTracking().Include(s => s.Intent).ToListAsync(ct);
        var latest = await library.LatestVersionsAsync(scripts.Select(s => s.Id).ToList(), ct);
        var served = (await library.ServedAsync(ct: ct)).ToDictionary(s => s.ScriptId);
        var list = scripts.Where(s => latest.ContainsKey(s.Id))
            .OrderBy(s => s.Intent?.Key, StringComparer.Ordinal).ThenBy(s => s.Locale, StringComparer.Ordinal).ThenBy(s => s.Channel, StringComparer.Ordinal)
            .Select(s =>
            {
                var v = latest[s.Id];
                var (body, variables, status) = served.TryGetValue(s.Id, out var sv) ? (sv.Body, sv.Variables, "Approved") : (v.Body, (IReadOnlyList<ScriptVariable>)v.Variables, v.Status.ToString());
                return new ScriptFileDto
                {
                    Intent = s.Intent?.Key, Locale = s.Locale, Channel = s.Channel, Title = s.Title, Status = status, Body = body,
                    Variables = variables.Select(x => new VariableDto { Name = x.Name, Type = x.Type.ToString().ToLowerInvariant(), Required = x.Required, Default = x.Default }).ToList(),
                    Tags = s.Tags, SopLinks = v.SopLinks,
                };
            }).ToList();
        return ("# Reply scripts: puo scripts import reads this file back (as drafts).\n" + ScriptYaml.Serializer.Serialize(list), list.Count);
    }
}
