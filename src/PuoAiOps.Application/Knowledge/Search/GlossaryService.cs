using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.Knowledge.Search;

/// <summary>
/// The curators' synonym glossary: one entry per (locale, term) with its synonyms. Searches read it
/// from <see cref="GlossaryCache"/>; an edit here invalidates the cache once it is committed.
/// </summary>
public sealed class GlossaryService(PuoDbContext db, GlossaryCache cache)
{
    /// <summary>The glossary applied to queries of a locale (every locale's entries when null).</summary>
    public async Task<Glossary> LoadAsync(string? locale, CancellationToken ct = default)
    {
        var entries = await cache.EntriesAsync(ct);
        return new Glossary(entries.Where(e => locale is null || Locales.SameLanguage(e.Locale, locale)).Select(e => e.Terms));
    }

    public async Task<GlossaryEntry> SetAsync(string locale, string term, IReadOnlyList<string> synonyms, string? userId, CancellationToken ct = default)
    {
        term = term.Trim();
        if (term.Length is 0 or > 128) throw new KnowledgeInputException(KnowledgeRefusal.GlossaryTermLength, 1, 128);
        var cleaned = synonyms.Select(s => s.Trim()).Where(s => s.Length > 0 && !string.Equals(s, term, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.Count == 0) throw new KnowledgeInputException(KnowledgeRefusal.GlossaryWithoutSynonyms, term);
        var entry = await db.Glossary.SingleOrDefaultAsync(e => e.Locale == locale && e.Term == term, ct);
        if (entry is null) db.Glossary.Add(entry = new GlossaryEntry { Locale = locale, Term = term });
        entry.Synonyms = cleaned;
        entry.UpdatedById = userId;
        entry.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return entry;
    }

    public async Task<bool> RemoveAsync(string locale, string term, CancellationToken ct = default)
    {
        var removed = await db.Glossary.Where(e => e.Locale == locale && e.Term == term).ExecuteDeleteAsync(ct) > 0;
        cache.Invalidate();
        return removed;
    }

    public Task<List<GlossaryEntry>> ListAsync(CancellationToken ct = default) =>
        db.Glossary.AsNoTracking().OrderBy(e => e.Locale).ThenBy(e => e.Term).ToListAsync(ct);
}
