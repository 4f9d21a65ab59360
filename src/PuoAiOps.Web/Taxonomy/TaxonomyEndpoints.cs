using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Taxonomy;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Taxonomy;

/// <summary>
/// The taxonomy's downloads and htmx endpoints. Proposals and reviews answer with a redirect to the
/// proposal page (HX-Redirect for htmx) or, when refused, the message fragment (ApplicationErrorMapping).
/// </summary>
internal static class TaxonomyEndpoints
{
    public static IEndpointRouteBuilder MapTaxonomyUi(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/taxonomy")
            .RequireAuthorization(Policies.ContentArea)
            .MapApplicationErrors();
        read.MapGet("/export.yaml", ExportAsync);
        read.MapGet("/versions/{number:int}/snapshot.yaml", SnapshotAsync);

        var curate = endpoints.MapGroup("/taxonomy")
            .RequireAuthorization(Policies.Curate)
            .RequireAntiforgeryToken()
            .MapApplicationErrors();
        curate.MapPost("/proposals/add", ProposeAddAsync);
        curate.MapPost("/proposals/rename", ProposeRenameAsync);
        curate.MapPost("/proposals/edit", ProposeEditAsync);
        curate.MapPost("/proposals/merge", ProposeMergeAsync);
        curate.MapPost("/proposals/split", ProposeSplitAsync);
        curate.MapPost("/proposals/deprecate", ProposeDeprecateAsync);
        curate.MapPost("/preview/merge", PreviewMergeAsync);
        curate.MapPost("/preview/split", PreviewSplitAsync);
        curate.MapTaxonomyImport();

        var review = endpoints.MapGroup("/taxonomy/proposals/{id:long}")
            .RequireAuthorization(Policies.Review)
            .RequireAntiforgeryToken()
            .MapApplicationErrors();
        review.MapPost("/approve", ApproveAsync);
        review.MapPost("/reject", RejectAsync);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(Application.Taxonomy.Yaml.TaxonomyYaml yaml, CancellationToken ct)
    {
        var text = await yaml.ExportAsync(ct);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(Encoding.UTF8.GetBytes(text), YamlContentType, $"taxonomy-{stamp}.yaml");
    }

    private static async Task<IResult> SnapshotAsync(int number, TaxonomyService taxonomy, CancellationToken ct)
    {
        var version = await taxonomy.GetVersionAsync(number, ct);
        return Results.File(Encoding.UTF8.GetBytes(version.Snapshot), YamlContentType, $"taxonomy-v{number}.yaml");
    }

    public const string YamlContentType = "application/yaml; charset=utf-8";

    private static Task<IResult> ProposeAddAsync([FromForm] AddIntentInput input, HttpContext http, TaxonomyChangeService changes) =>
        ProposedAsync(http, changes.ProposeAddAsync(input.ToPayload(), http.User.ToActor(), http.RequestAborted));

    private static async Task<IResult> ProposeRenameAsync([FromForm] RenameIntentInput input, HttpContext http, TaxonomyService taxonomy, TaxonomyChangeService changes)
    {
        var current = await taxonomy.GetIntentAsync(input.IntentId, http.RequestAborted);
        return await ProposedAsync(http, changes.ProposeRenameAsync(input.ToPayload(current), http.User.ToActor(), http.RequestAborted));
    }

    private static async Task<IResult> ProposeEditAsync([FromForm] EditIntentInput input, HttpContext http, TaxonomyService taxonomy, TaxonomyChangeService changes)
    {
        var current = await taxonomy.GetIntentAsync(input.IntentId, http.RequestAborted);
        return await ProposedAsync(http, changes.ProposeEditAsync(input.ToPayload(current), http.User.ToActor(), http.RequestAborted));
    }

    private static Task<IResult> ProposeMergeAsync([FromForm] MergeIntentsInput input, HttpContext http, TaxonomyChangeService changes) =>
        ProposedAsync(http, changes.ProposeMergeAsync(input.ToPayload(), http.User.ToActor(), http.RequestAborted));

    private static Task<IResult> ProposeSplitAsync([FromForm] SplitIntentInput input, HttpContext http, TaxonomyChangeService changes) =>
        ProposedAsync(http, changes.ProposeSplitAsync(input.ToPayload(), http.User.ToActor(), http.RequestAborted));

    private static Task<IResult> ProposeDeprecateAsync([FromForm] DeprecateIntentInput input, HttpContext http, TaxonomyChangeService changes) =>
        ProposedAsync(http, changes.ProposeDeprecateAsync(input.ToPayload(), http.User.ToActor(), http.RequestAborted));

    private static async Task<IResult> ProposedAsync(HttpContext http, Task<ChangeView> proposing)
    {
        var change = await proposing;
        return HtmxResults.Redirect(http, $"/taxonomy/proposals/{change.Id}?proposed=true");
    }

    private static async Task<IResult> PreviewMergeAsync([FromForm] MergeIntentsInput input, HttpContext http, TaxonomyChangeService changes) =>
        ImpactResult(await changes.PreviewImpactAsync(input.ToPayload(), http.RequestAborted), "/taxonomy/proposals/merge", "Propose this merge");

    private static async Task<IResult> PreviewSplitAsync([FromForm] SplitIntentInput input, HttpContext http, TaxonomyChangeService changes) =>
        ImpactResult(await changes.PreviewImpactAsync(input.ToPayload(), http.RequestAborted), "/taxonomy/proposals/split", "Propose this split");

    private static RazorComponentResult<ImpactPreview> ImpactResult(TaxonomyImpact impact, string proposeUrl, string proposeLabel) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ImpactPreview.Impact)] = impact,
            [nameof(ImpactPreview.ProposeUrl)] = proposeUrl,
            [nameof(ImpactPreview.ProposeLabel)] = proposeLabel,
        });

    private static async Task<IResult> ApproveAsync(long id, [FromForm] ReviewInput input, HttpContext http, TaxonomyChangeService changes)
    {
        await changes.ApproveAsync(id, http.User.ToActor(), FormText.Blank(input.Note), http.RequestAborted);
        return HtmxResults.Redirect(http, $"/taxonomy/proposals/{id}?reviewed=approved");
    }

    private static async Task<IResult> RejectAsync(long id, [FromForm] ReviewInput input, HttpContext http, TaxonomyChangeService changes)
    {
        await changes.RejectAsync(id, http.User.ToActor(), input.Note ?? "", http.RequestAborted);
        return HtmxResults.Redirect(http, $"/taxonomy/proposals/{id}?reviewed=rejected");
    }
}
