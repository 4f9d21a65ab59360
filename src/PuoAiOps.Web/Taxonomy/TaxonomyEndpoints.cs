using System.Text;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Taxonomy;

/// <summary>
/// The taxonomy's file downloads (the whole taxonomy, a published version's snapshot). Proposals,
/// reviews and imports are made on the interactive pages, which call the Application services.
/// </summary>
internal static class TaxonomyEndpoints
{
    public const string YamlContentType = "application/yaml; charset=utf-8";

    public static IEndpointRouteBuilder MapTaxonomyUi(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/taxonomy")
            .RequireAuthorization(Policies.ContentArea)
            .MapApplicationErrors();
        read.MapGet("/export.yaml", ExportAsync);
        read.MapGet("/versions/{number:int}/snapshot.yaml", SnapshotAsync);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(TaxonomyYaml yaml, CancellationToken ct)
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
}
