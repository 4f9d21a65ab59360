using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Text.Redaction;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Admin;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Admin;

/// <summary>
/// htmx endpoints of the settings page: save the custom PII patterns (the editor is re-rendered, with
/// each bad pattern's message and status 422 when refused) and try the patterns on a sample.
/// </summary>
internal static class SettingsEndpoints
{
    public const int MaxSampleLength = 4000;

    public static IEndpointRouteBuilder MapAdminSettings(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/admin/settings")
            .RequireAuthorization(Policies.Admin)
            .RequireAntiforgeryToken()
            .MapApplicationErrors();
        settings.MapPost("/pii-patterns", SaveAsync);
        settings.MapPost("/pii-patterns/test", Test);
        return endpoints;
    }

    private static async Task<IResult> SaveAsync([FromForm] IFormCollection form, HttpContext http, PiiPatternStore store)
    {
        var rows = PiiPatternRows.From(form);
        try
        {
            await store.SaveAsync(rows.Patterns, http.User.UserId(), http.User.DisplayName(), http.RequestAborted);
        }
        catch (InvalidPiiPatternException ex)
        {
            return Editor(rows.Patterns, ex.Errors, notice: null, StatusCodes.Status422UnprocessableEntity);
        }
        var saved = await store.GetAsync(http.RequestAborted);
        var notice = saved.Count == 0 ? "Saved: only the built-in detectors run." : $"Saved {saved.Count} custom {(saved.Count == 1 ? "pattern" : "patterns")}; the next import uses them.";
        return Editor(saved, [], notice, StatusCodes.Status200OK);
    }

    private static RazorComponentResult<PiiTestResult> Test([FromForm] IFormCollection form)
    {
        var rows = PiiPatternRows.From(form);
        var sample = form["sample"].ToString();
        var errors = PiiRedactor.Validate(rows.Patterns);
        if (errors.Count > 0)
            return Fragment<PiiTestResult>(StatusCodes.Status422UnprocessableEntity, (nameof(PiiTestResult.Errors), errors.Select(ApplicationErrorMapping.PatternMessage).ToList()));
        var text = sample ?? "";
        if (text.Length > MaxSampleLength) text = text[..MaxSampleLength];
        try
        {
            var redactor = new PiiRedactor(rows.Patterns);
            return Fragment<PiiTestResult>(StatusCodes.Status200OK,
                (nameof(PiiTestResult.Sample), text),
                (nameof(PiiTestResult.Result), redactor.Redact(text)),
                (nameof(PiiTestResult.CustomNames), redactor.CustomPatternNames));
        }
        catch (PiiRedactionTimeoutException ex)
        {
            return Fragment<PiiTestResult>(StatusCodes.Status422UnprocessableEntity,
                (nameof(PiiTestResult.Errors), new List<string> { $"Pattern '{ex.PatternName}' took too long on this text; imports would reject such rows. Simplify it." }));
        }
    }

    private static RazorComponentResult<PiiPatternEditor> Editor(IReadOnlyList<CustomPiiPattern> patterns, IReadOnlyList<PiiPatternError> errors, string? notice, int status) =>
        Fragment<PiiPatternEditor>(status,
            (nameof(PiiPatternEditor.Patterns), patterns),
            (nameof(PiiPatternEditor.Errors), errors),
            (nameof(PiiPatternEditor.Notice), notice));

    private static RazorComponentResult<T> Fragment<T>(int status, params (string Name, object? Value)[] parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters.ToDictionary(p => p.Name, p => p.Value)) { StatusCode = status };

    /// <summary>Marker tokens in redacted text, e.g. &lt;EMAIL&gt; or &lt;ORDER_ID&gt;.</summary>
    public static readonly Regex Markers = new("<[A-Z][A-Z0-9_]*>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
