using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Api;

/// <summary>
/// Read access to the taxonomy for tools and the bot: the tree, one intent with its usage, proposals
/// with their impact, and the YAML export. Errors are problem details (see ApplicationErrorMapping).
/// </summary>
internal static class TaxonomyApi
{
    public static RouteGroupBuilder MapTaxonomyApi(this RouteGroupBuilder api)
    {
        var taxonomy = api.MapGroup("/taxonomy")
            .RequireAuthorization(Policies.ContentArea)
            .MapApplicationErrors();
        taxonomy.MapGet("/", (TaxonomyService service, IntentStatus? status, string? q, CancellationToken ct) =>
            service.ListAsync(new TaxonomyQuery(status, q), ct));
        taxonomy.MapGet("/intents/{id:int}", (int id, TaxonomyService service, CancellationToken ct) => service.GetIntentAsync(id, ct));
        taxonomy.MapGet("/versions", (TaxonomyService service, CancellationToken ct) => service.ListVersionsAsync(ct));
        taxonomy.MapGet("/changes", async (TaxonomyChangeService changes, ReviewStatus? status, int? take, CancellationToken ct) =>
            (await changes.ListAsync(status, take ?? 200, ct)).Select(ChangeResponse.From));
        taxonomy.MapGet("/changes/{id:long}", async (long id, TaxonomyChangeService changes, CancellationToken ct) =>
            ChangeResponse.From(await changes.GetAsync(id, ct)));
        taxonomy.MapGet("/changes/{id:long}/impact", (long id, TaxonomyChangeService changes, CancellationToken ct) => changes.PreviewImpactAsync(id, ct));
        taxonomy.MapGet("/export", async (TaxonomyYaml yaml, CancellationToken ct) =>
            Results.Text(await yaml.ExportAsync(ct), Taxonomy.TaxonomyEndpoints.YamlContentType));
        return api;
    }

    /// <summary>A proposal with its payload serialized as its actual kind (the declared type is abstract).</summary>
    public sealed record ChangeResponse(
        long Id, TaxonomyChangeKind Kind, string Summary, ReviewStatus Status, object Payload, string? ProposedById, string? ProposedByName,
        DateTime ProposedAt, string? ReviewedById, string? ReviewedByName, DateTime? ReviewedAt, string? ReviewNote, int? ResultingVersionNumber)
    {
        public static ChangeResponse From(ChangeView c) => new(c.Id, c.Kind, c.Summary, c.Status, c.Payload, c.ProposedById, c.ProposedByName,
            c.ProposedAt, c.ReviewedById, c.ReviewedByName, c.ReviewedAt, c.ReviewNote, c.ResultingVersionNumber);
    }
}
