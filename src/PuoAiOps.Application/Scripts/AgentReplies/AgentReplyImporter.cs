using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts.AgentReplies;

/// <summary>What an import stored; replies whose intent key matched no intent are kept without one.</summary>
public sealed record AgentReplyImportResult(int Imported, int WithoutIntent, IReadOnlyList<string> UnknownIntents);

/// <summary>
/// Imports agent replies for standardization: the whole file is read and checked first, then every reply is
/// redacted with the workspace's detectors and stored in one save, or nothing is (a bad row anywhere refuses
/// the file, with its line). The locale is the row's, else Chinese when the reply holds Chinese, else English.
/// </summary>
public sealed class AgentReplyImporter(PuoDbContext db, StyleRuleSettings rules, TimeProvider clock)
{
    public const long MaxFileBytes = 8 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public async Task<AgentReplyImportResult> ImportAsync(Stream file, string fileName, Actor actor, CancellationToken ct = default)
    {
        ScriptInputRules.RequireRole(actor, ScriptInputRules.EditorRoles, ScriptRefusal.OnlyEditorsImportReplies);
        if (file.CanSeek && file.Length > MaxFileBytes)
            throw new ValidationException("file", CodedMessage.Of(ScriptRefusal.FileTooLarge, file.Length / 1024 / 1024.0, MaxFileBytes / 1024 / 1024));
        var text = await ReadCappedAsync(file, ct);
        var (rows, errors) = AgentReplyFile.Read(new StringReader(text), fileName, MaxRows);
        var unknownLocales = rows.Where(r => r.Locale is not null && !ScriptLocales.IsKnown(r.Locale))
            .Select(r => CodedMessage.Of(ScriptFileMessage.UnknownReplyLocale, r.Line, r.Locale!, string.Join(", ", ScriptLocales.All)));
        errors = [.. errors, .. unknownLocales.Take(AgentReplyFile.MaxErrors)];
        if (errors.Count > 0)
            // The summary and every line error are coded, so the console words them all in the reader's language.
            throw ValidationException.Of("file", errors, CodedMessage.Of(ScriptRefusal.FileNotImported, errors[0]));

        var intents = await IntentIdsAsync(ct);
        var redactor = await rules.RedactorAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var replies = rows.Select(r =>
        {
            int? intentId = null;
            if (r.IntentKey is { } key)
            {
                if (intents.TryGetValue(key, out var id)) intentId = id;
                else unknown.Add(key);
            }
            var reply = redactor.Redact(r.Text).Text;
            return new AgentReply
            {
                Text = reply,
                Question = r.Question is null ? null : redactor.Redact(r.Question).Text,
                Locale = r.Locale ?? (ContainsChinese(reply) ? ScriptLocales.Chinese : ScriptLocales.English),
                IntentId = intentId,
                Source = Path.GetFileName(fileName),
                ImportedBy = actor.DisplayName,
                ImportedAt = now,
            };
        }).ToList();
        db.AgentReplies.AddRange(replies);
        db.AuditLog.Add(ScriptAudit.Entry(actor, "agent_replies.imported", "AgentReply", null, CodedMessage.Of(AuditDetail.AgentRepliesImported, replies.Count, Path.GetFileName(fileName))));
        await db.SaveChangesAsync(ct);
        return new AgentReplyImportResult(replies.Count, replies.Count(r => r.IntentId is null), unknown.Take(20).ToList());
    }

    private static async Task<string> ReadCappedAsync(Stream file, CancellationToken ct)
    {
        // A stream that cannot tell its length (an upload in flight) is read to one byte past the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
                throw new ValidationException("file", CodedMessage.Of(ScriptRefusal.FileOverLimit, MaxFileBytes / 1024 / 1024));
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>Intent keys to ids; a merged intent's key leads to the intent it was merged into.</summary>
    private async Task<Dictionary<string, int>> IntentIdsAsync(CancellationToken ct)
    {
        var rows = await db.Intents.AsNoTracking().Select(i => new { i.Id, i.Key, i.ReplacedById }).ToListAsync(ct);
        return rows.ToDictionary(i => i.Key, i => i.ReplacedById ?? i.Id, StringComparer.Ordinal);
    }

    private static bool ContainsChinese(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF');
}
