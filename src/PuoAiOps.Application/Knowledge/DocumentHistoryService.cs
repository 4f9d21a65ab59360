using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Formats;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge;

public sealed record DocumentRevision(int Revision, string Title, DateTime CreatedAt, string? CreatedById, string? Source);

public sealed record DiffLine(char Change, string Text);

/// <summary>A document's stored revisions, a line diff between two of them, safe HTML and staleness.</summary>
public sealed class DocumentHistoryService(PuoDbContext db, SopHtmlRenderer renderer)
{
    public async Task<IReadOnlyList<DocumentRevision>> RevisionsAsync(long documentId, CancellationToken ct = default) =>
        await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Revision)
            .Select(v => new DocumentRevision(v.Revision, v.Title, v.CreatedAt, v.CreatedById, v.Source)).ToListAsync(ct);

    /// <summary>Lines of the later revision marked '+' (added), '-' (removed) or ' ' (unchanged).</summary>
    public async Task<IReadOnlyList<DiffLine>> DiffAsync(long documentId, int from, int to, CancellationToken ct = default)
    {
        var bodies = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == documentId && (v.Revision == from || v.Revision == to))
            .ToDictionaryAsync(v => v.Revision, v => v.Body, ct);
        if (!bodies.TryGetValue(from, out var before)) throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoRevision, from, documentId));
        if (!bodies.TryGetValue(to, out var after)) throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoRevision, to, documentId));
        var diff = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(before, after, ignoreWhitespace: false);
        return diff.Lines.Select(l => new DiffLine(l.Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' }, l.Text)).ToList();
    }

    public async Task<string> RenderAsync(long documentId, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoDocument, documentId));
        return renderer.Render(document.Markdown, DocumentFormats.Parse(document.Format));
    }

    public static bool IsStale(DateOnly? reviewBy, DateOnly today) => reviewBy is { } date && date < today;
}
