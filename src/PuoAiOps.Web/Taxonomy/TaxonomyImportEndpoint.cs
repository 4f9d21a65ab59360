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

    // The whole form rather than an IFormFile parameter: that would restrict the route to multipart
    // requests, and any other post would get 415 before authorization could answer it.
    private static async Task<IResult> ImportAsync([FromForm] IFormCollection form, HttpContext http, TaxonomyYaml taxonomyYaml)
    {
        var file = form.Files.GetFile("file");
        var text = await ReadAsync(file, form["yaml"].ToString(), http.RequestAborted);
        var options = new TaxonomyImportOptions(DeprecateMissing: !IsChecked(form, "keepMissing"), DryRun: IsChecked(form, "dryRun"));
        var result = await taxonomyYaml.ImportAsync(text, http.User.ToActor(), options, http.RequestAborted);
        return new RazorComponentResult<YamlImportResult>(new Dictionary<string, object?>
        {
            [nameof(YamlImportResult.Result)] = result,
            [nameof(YamlImportResult.FileName)] = file?.FileName,
        });
    }

    private static bool IsChecked(IFormCollection form, string name) =>
        string.Equals(form[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);

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
