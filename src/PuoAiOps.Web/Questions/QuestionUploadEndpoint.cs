using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Questions;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Questions;

/// <summary>
/// Upload of a question file (CSV or JSON Lines, multipart). The body limit of this endpoint alone is
/// raised to <see cref="ImportOptions.MaxFileBytes"/>; the file is buffered to a temporary file on disk
/// (never whole in memory) and streamed into <see cref="QuestionImportService"/>, which checks the size
/// and row limits before storing anything. Over a limit: 413 with the message.
/// </summary>
internal static class QuestionUploadEndpoint
{
    /// <summary>Room for the multipart framing and the other form fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>How many runs the import page lists.</summary>
    public const int RecentRuns = 15;

    public static IEndpointRouteBuilder MapQuestionsUi(this IEndpointRouteBuilder endpoints)
    {
        var bodyLimit = endpoints.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes + FormOverhead;
        endpoints.MapGroup("/questions")
            .RequireAuthorization(Policies.Curate)
            .RequireAntiforgeryToken()
            .MapApplicationErrors()
            .MapPost("/imports", UploadAsync)
            // Also declared as metadata, so the limits hold for whatever reads the body first (a plain
            // form post's antiforgery check reads the form before the handler runs).
            .WithMetadata(new RequestSizeLimit(bodyLimit))
            .WithFormOptions(multipartBodyLengthLimit: bodyLimit);
        return endpoints;
    }

    private sealed record RequestSizeLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;

    // The form is read here rather than bound as a parameter, so a body over the limit is answered with
    // the import's own 413 message instead of an empty status page. The antiforgery filter takes the
    // token from the X-CSRF-TOKEN header (htmx) without reading the body first.
    private static async Task<IResult> UploadAsync(HttpContext http, QuestionImportService importer, QuestionBrowser browser, IOptions<ImportOptions> options)
    {
        var limit = options.Value.MaxFileBytes;
        var form = await ReadFormAsync(http, limit);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            throw new ValidationException("file", "Choose a CSV or JSON Lines file to import.");
        if (file.Length > limit) throw ImportLimitExceededException.FileTooLarge(limit, file.Length);

        var request = new ImportRequest(file.FileName)
        {
            CreatedById = http.User.UserId(),
            DefaultSource = FormText.Blank(form["source"].ToString()) is { } source ? source[..Math.Min(source.Length, 100)] : null,
        };
        ImportResult result;
        await using (var stream = file.OpenReadStream())
            result = await importer.ImportAsync(stream, request, progress: null, http.RequestAborted);

        var run = await browser.GetImportRunAsync(result.RunId, http.RequestAborted);
        return new RazorComponentResult<ImportRunReportView>(new Dictionary<string, object?>
        {
            [nameof(ImportRunReportView.Run)] = run,
            [nameof(ImportRunReportView.JustFinished)] = true,
            [nameof(ImportRunReportView.Elapsed)] = result.Elapsed,
            [nameof(ImportRunReportView.RecentRuns)] = await browser.ListImportRunsAsync(RecentRuns, http.RequestAborted),
        });
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpContext http, long maxFileBytes)
    {
        var bodyLimit = maxFileBytes + FormOverhead;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = bodyLimit;
        if (http.Request.ContentLength > bodyLimit) throw ImportLimitExceededException.FileTooLarge(maxFileBytes, null);
        if (!http.Request.HasFormContentType)
            throw new ValidationException("file", "Send the file as multipart/form-data.");
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MultipartBodyLengthLimit = bodyLimit,
            // Above this the file goes to a temporary file, so a large upload never sits in memory.
            MemoryBufferThreshold = 64 * 1024,
        }));
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ImportLimitExceededException.FileTooLarge(maxFileBytes, null);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            throw ImportLimitExceededException.FileTooLarge(maxFileBytes, null);
        }
        catch (InvalidDataException)
        {
            throw new ValidationException("file", "The upload could not be read as a form. Choose the file again and retry.");
        }
    }
}
