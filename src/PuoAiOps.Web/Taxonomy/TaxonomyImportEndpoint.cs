using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Taxonomy;

namespace PuoAiOps.Web.Taxonomy;

/// <summary>
/// Upload of a taxonomy YAML file (or pasted YAML): its differences become proposals for review.
/// A bad file is refused whole, with one message per problem and its line.
/// </summary>
internal static class TaxonomyImportEndpoint
{
    /// <summary>A whole taxonomy is a few hundred kilobytes; anything near this limit is not one.</summary>
    public const long MaxYamlBytes = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapTaxonomyImport(this RouteGroupBuilder curate)
    {
        curate.MapPost("/import", ImportAsync)
            .WithFormOptions(multipartBodyLengthLimit: MaxYamlBytes + 64 * 1024);
        return curate;
    }

    private static async Task<IResult> ImportAsync(
        [FromForm] IFormFile? file, [FromForm] string? yaml, [FromForm] bool? keepMissing, [FromForm] bool? dryRun,
        HttpContext http, TaxonomyYaml taxonomyYaml)
    {
        var text = await ReadAsync(file, yaml, http.RequestAborted);
        var result = await taxonomyYaml.ImportAsync(text, http.User.ToActor(),
            new TaxonomyImportOptions(DeprecateMissing: keepMissing != true, DryRun: dryRun == true), http.RequestAborted);
        return new RazorComponentResult<YamlImportResult>(new Dictionary<string, object?>
        {
            [nameof(YamlImportResult.Result)] = result,
            [nameof(YamlImportResult.FileName)] = file?.FileName,
        });
    }

    private static async Task<string> ReadAsync(IFormFile? file, string? pasted, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxYamlBytes)
                throw new ValidationException("file", $"The file has {file.Length:N0} bytes; a taxonomy file may have at most {MaxYamlBytes:N0}.");
            using var reader = new StreamReader(file.OpenReadStream(), detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(ct);
        }
        if (!string.IsNullOrWhiteSpace(pasted)) return pasted;
        throw new ValidationException("file", "Choose a YAML file (or paste its text) to import.");
    }
}
