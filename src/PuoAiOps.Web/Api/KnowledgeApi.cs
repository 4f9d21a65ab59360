using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Knowledge.Suites;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Knowledge;

namespace PuoAiOps.Web.Api;

/// <summary>
/// The knowledge base behind the console's pages: documents (list, one, chunks, history, upload,
/// edit, archive, restore, delete), retrieval (search with each retriever's score), the glossary and
/// the regression suites. Reviewers and viewers read (policy KnowledgeArea); curators also change
/// (Curate), as on the pages; writes need the antiforgery token when the caller uses the cookie.
/// </summary>
internal static class KnowledgeApi
{
    public sealed record UploadRequest(string? FileName, string? Content, string? ContentBase64, string? Locale);

    public sealed record EditRequest(Guid Version, string? Source);

    public sealed record GlossaryRequest(string? Locale, string? Term, IReadOnlyList<string>? Synonyms);

    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder api)
    {
        // Reading is for everyone in the knowledge area; every change needs the Curate policy.
        var kb = api.MapGroup("/knowledge").RequireAuthorization(Policies.KnowledgeArea).RequireAntiforgeryToken().MapApplicationErrors();
        var curate = api.MapGroup("/knowledge").RequireAuthorization(Policies.Curate).RequireAntiforgeryToken().MapApplicationErrors();
        kb.MapGet("/documents", async (DocumentCatalog catalog, WorkspaceClock clock, string? locale, string? domain, string? owner, bool? stale, string? q,
            bool? archived, int? skip, int? take, CancellationToken ct) =>
            await catalog.PageAsync(new DocumentQuery(await clock.TodayAsync(ct), locale, domain, owner, stale, q, archived ?? false), Math.Max(0, skip ?? 0), take ?? 50, ct: ct));
        kb.MapGet("/documents/{id:long}", async (long id, DocumentCatalog catalog, WorkspaceClock clock, CancellationToken ct) =>
            await catalog.GetAsync(id, await clock.TodayAsync(ct), ct));
        kb.MapGet("/documents/{id:long}/chunks", (long id, DocumentCatalog catalog, CancellationToken ct) => catalog.ChunksAsync(id, ct));
        kb.MapGet("/documents/{id:long}/versions", (long id, DocumentHistoryService history, CancellationToken ct) => history.RevisionsAsync(id, ct));
        kb.MapGet("/documents/{id:long}/diff", (long id, int from, int to, DocumentHistoryService history, CancellationToken ct) => history.DiffAsync(id, from, to, ct));
        curate.MapPost("/documents", (HttpContext http, KnowledgeIngestionService ingestion) =>
            ApiBody.With<UploadRequest>(http, async body => await UploadAsync(body, http, ingestion, http.RequestAborted)));
        curate.MapPut("/documents/{id:long}", (long id, HttpContext http, DocumentEditor editor) =>
            ApiBody.With<EditRequest>(http, async body => await editor.SaveAsync(id, body.Version, body.Source ?? "", http.User.UserId(), http.RequestAborted)));
        curate.MapPost("/documents/{id:long}/archive", (long id, HttpContext http, DocumentLifecycle lifecycle) =>
            lifecycle.ArchiveAsync(id, http.User.ToActor(), http.RequestAborted));
        curate.MapPost("/documents/{id:long}/restore", (long id, HttpContext http, DocumentLifecycle lifecycle) =>
            lifecycle.RestoreAsync(id, http.User.ToActor(), http.RequestAborted));
        curate.MapDelete("/documents/{id:long}", (long id, HttpContext http, DocumentLifecycle lifecycle) =>
            lifecycle.DeleteAsync(id, http.User.ToActor(), http.RequestAborted));
        kb.MapGet("/search", (KnowledgeSearchService search, string q, string? locale, string? domain, string? intent, int? top, SearchMode? mode, CancellationToken ct) =>
            search.SearchAsync(new KnowledgeQuery(q, top ?? 10, new SearchFilter(Blank(locale), Blank(domain), Blank(intent)), mode ?? SearchMode.Hybrid), ct));
        curate.MapGet("/glossary", (GlossaryService glossary, CancellationToken ct) => glossary.ListAsync(ct));
        curate.MapPut("/glossary", (HttpContext http, GlossaryService glossary) =>
            ApiBody.With<GlossaryRequest>(http, async body => await glossary.SetAsync(body.Locale ?? "", body.Term ?? "", body.Synonyms ?? [], http.User.UserId(), http.RequestAborted)));
        curate.MapDelete("/glossary", async (string locale, string term, GlossaryService glossary, CancellationToken ct) =>
            await glossary.RemoveAsync(locale, term, ct) ? Results.NoContent() : throw new NotFoundException($"glossary term '{term}' ({locale})"));
        kb.MapGet("/suites", (RetrievalSuiteService suites, CancellationToken ct) => suites.ListAsync(ct));
        kb.MapGet("/suites/{id:long}", (long id, RetrievalSuiteService suites, CancellationToken ct) => suites.GetAsync(id, ct));
        curate.MapPost("/suites/{id:long}/runs", (long id, HttpContext http, RetrievalSuiteService suites, CancellationToken ct) =>
            suites.RunAsync(id, http.User.UserId(), ct: ct));
        return api;
    }

    /// <summary>One document as text or base64 bytes; refused with the ingestion's message (400), nothing written.</summary>
    private static async Task<IngestResult> UploadAsync(UploadRequest body, HttpContext http, KnowledgeIngestionService ingestion, CancellationToken ct)
    {
        byte[] bytes;
        if (body.ContentBase64 is { } encoded)
        {
            try { bytes = Convert.FromBase64String(encoded); }
            catch (FormatException) { throw new ValidationException("contentBase64", "contentBase64 is not valid base64"); }
        }
        else bytes = System.Text.Encoding.UTF8.GetBytes(body.Content ?? throw new ValidationException("content", "send content or contentBase64"));
        var name = Path.GetFileName(body.FileName ?? "");
        if (name.Length == 0) throw new ValidationException("fileName", "fileName is required");
        return await ingestion.IngestAsync(new DocumentUpload(name, bytes, "upload:" + name, http.User.UserId(), Blank(body.Locale)), ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
