using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Questions;

/// <summary>
/// Upload of a question file (CSV or JSON Lines, multipart). The body limit of this endpoint alone is
/// raised to <see cref="ImportOptions.MaxFileBytes"/>; the file is buffered to a temporary file on disk
/// (never whole in memory) and streamed into <see cref="QuestionImportService"/>, which checks the size
/// and row limits before storing anything. Over a limit: 413 with the message.
/// The import page sends it from a small script with upload progress (docs/decisions/0007-question-upload.md),
/// so the answer is JSON: 201 with the run's id and counts, or problem details (title and field errors, and the
/// refusal's <c>code</c> and <c>args</c>, from which the page words it in the reader's language).
/// </summary>
internal static class QuestionUploadEndpoint
{
    /// <summary>Room for the multipart framing and the other form fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapQuestionsUi(this IEndpointRouteBuilder endpoints)
    {
        var bodyLimit = endpoints.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes + FormOverhead;
        endpoints.MapGroup("/questions")
            .RequireAuthorization(Policies.Curate)
            .RequireAntiforgeryToken()
            .MapPost("/imports", UploadAsync)
            .AddEndpointFilter<RouteHandlerBuilder, ProblemFilter>()
            // Also declared as metadata, so the limits hold for whatever reads the body first (a plain
            // form post's antiforgery check reads the form before the handler runs).
            .WithMetadata(new RequestSizeLimit(bodyLimit))
            .WithFormOptions(multipartBodyLengthLimit: bodyLimit);
        return endpoints;
    }

    private sealed record RequestSizeLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;

    // The form is read here rather than bound as a parameter, so a body over the limit is answered with
    // the import's own 413 message instead of an empty status page. The antiforgery filter takes the
    // token from the X-CSRF-TOKEN header without reading the body first.
    private static async Task<IResult> UploadAsync(HttpContext http, QuestionImportService importer, IOptions<ImportOptions> options)
    {
        var limit = options.Value.MaxFileBytes;
        var form = await ReadFormAsync(http, limit);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            throw new ValidationException("file", CodedMessage.Of(QuestionRefusal.UploadNoFile));
        if (file.Length > limit) throw ImportLimitExceededException.FileTooLarge(limit, file.Length);

        var request = new ImportRequest(file.FileName)
        {
            CreatedById = http.User.UserId(),
            DefaultSource = form["source"].ToString().Trim() is { Length: > 0 } source ? source[..Math.Min(source.Length, 100)] : null,
        };
        ImportResult result;
        await using (var stream = file.OpenReadStream())
            result = await importer.ImportAsync(stream, request, progress: null, http.RequestAborted);

        return Results.Created($"/questions/imports/{result.RunId}", new UploadAnswer(result.RunId, result.Imported, result.Duplicates, result.Rejected));
    }

    /// <summary>The upload's answer: the run (its page is /questions/imports/{RunId}) and its counts.</summary>
    internal sealed record UploadAnswer(long RunId, long Imported, long Duplicates, long Rejected);

    /// <summary>Errors as problem details whoever asks: the page's script reads the title and the field errors.</summary>
    private sealed class ProblemFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (ApplicationErrorMapping.From(ex) is { } error)
            {
                return ApplicationErrorMapping.ToProblem(error, context.HttpContext.Request.Path);
            }
        }
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpContext http, long maxFileBytes)
    {
        var bodyLimit = maxFileBytes + FormOverhead;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = bodyLimit;
        if (http.Request.ContentLength > bodyLimit) throw ImportLimitExceededException.FileTooLarge(maxFileBytes, null);
        if (!http.Request.HasFormContentType)
            throw new ValidationException("file", CodedMessage.Of(QuestionRefusal.UploadNotMultipart));
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
            throw new ValidationException("file", CodedMessage.Of(QuestionRefusal.UploadUnreadable));
        }
    }
}
