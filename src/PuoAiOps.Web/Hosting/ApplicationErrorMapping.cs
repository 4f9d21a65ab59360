using PuoAiOps.Application.Common;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// An error a service raised on purpose, as the web layer answers it: the HTTP status, a title, and
/// the messages to show (field or "line N" → messages).
/// </summary>
/// <param name="Status">HTTP status for the API (400, 403, 404, 409, 413).</param>
/// <param name="Title">One sentence for the person.</param>
/// <param name="Errors">Per field (or "line N" for files); empty when the title says it all.</param>
/// <param name="Code">The title as a code, when the service gave one (REST: the <c>code</c> extension).</param>
/// <param name="Codes">Per field, the code of each message of <paramref name="Errors"/> (null where it has none).</param>
/// <param name="RetryAfter">For 503: when to ask again (the Retry-After header).</param>
public sealed record ApplicationError(int Status, string Title, IReadOnlyDictionary<string, string[]> Errors,
    CodedMessage? Code = null, IReadOnlyDictionary<string, CodedMessage?[]>? Codes = null, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// The same error with every coded message worded by <paramref name="word"/> (the console: in the
    /// reader's language); messages without a code stay as the service wrote them.
    /// </summary>
    public ApplicationError Worded(Func<CodedMessage, string> word) => this with
    {
        Title = Code is null ? Title : word(Code),
        Errors = Errors.ToDictionary(e => e.Key, e => e.Value.Select((m, i) =>
            Codes is not null && Codes.TryGetValue(e.Key, out var codes) && i < codes.Length && codes[i] is { } code ? word(code) : m).ToArray()),
    };

    /// <summary>
    /// Every message, the title when there are none; a message under a "line N" key is placed at its line by
    /// <paramref name="atLine"/> (line, message), which the console words from its resources ("第 N 行：…").
    /// </summary>
    public IReadOnlyList<string> MessagesAt(Func<int, string, string> atLine)
    {
        ArgumentNullException.ThrowIfNull(atLine);
        var messages = Errors
            .OrderBy(e => LineNumber(e.Key) ?? 0)
            .SelectMany(e => e.Value.Select(m => LineNumber(e.Key) is { } line ? atLine(line, m) : m))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return messages.Count > 0 ? messages : [Title];
    }

    private static int? LineNumber(string key) =>
        key.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var line) ? line : null;
}

/// <summary>
/// The one place that maps the application's exceptions to HTTP: ValidationException → 400,
/// ForbiddenException → 403, NotFoundException → 404, ConflictException → 409, import limits → 413,
/// unreadable import files, bad PII patterns and request bodies cut off mid-form → 400, a busy database
/// or a store that failed (<see cref="ServiceBusyException"/>) → 503 with Retry-After. Use <see cref="MapApplicationErrors{TBuilder}"/>
/// on an endpoint or group: API calls then get problem details; a browser's request (a download link) is
/// left to the exception handler, which answers the same status with the status page (see ConsolePipeline).
/// </summary>
public static class ApplicationErrorMapping
{
    /// <summary>The mapped error, or null for an exception that is a bug (left to the 500 handler).</summary>
    public static ApplicationError? From(Exception exception) => exception switch
    {
        ValidationException e => new(StatusCodes.Status400BadRequest, e.Message, e.Errors, e.Code, e.Codes),
        ForbiddenException e => new(StatusCodes.Status403Forbidden, e.Message, NoErrors, e.Code),
        NotFoundException e => new(StatusCodes.Status404NotFound, e.Message, NoErrors, e.Code),
        ConflictException e => new(StatusCodes.Status409Conflict, e.Message,
            e.Details.Count == 0 ? NoErrors : new Dictionary<string, string[]> { ["conflict"] = [e.Message, .. e.Details] }, e.Code,
            e.Code is null ? null : new Dictionary<string, CodedMessage?[]> { ["conflict"] = [e.Code] }),
        ImportLimitExceededException e => new(StatusCodes.Status413PayloadTooLarge, e.Message, NoErrors, e.Code),
        Api.PayloadTooLargeException e => new(StatusCodes.Status413PayloadTooLarge, e.Message, NoErrors),
        ImportFormatException e => new(StatusCodes.Status400BadRequest, e.Message, NoErrors, e.Code),
        PuoAiOps.Application.Knowledge.KnowledgeInputException e => new(StatusCodes.Status400BadRequest, e.Message, NoErrors, e.Code),
        InvalidPiiPatternException e => new(StatusCodes.Status400BadRequest, "Some patterns cannot be used.",
            new Dictionary<string, string[]> { ["patterns"] = e.Errors.Select(PatternMessage).ToArray() }),
        IOException e when RequestBodyErrors.IsTruncatedBody(e) => new(StatusCodes.Status400BadRequest, RequestBodyErrors.TruncatedMessage, NoErrors),
        ServiceBusyException e => new(StatusCodes.Status503ServiceUnavailable, e.Message, NoErrors, RetryAfter: e.RetryAfter),
        // The database is locked by a long write (the first start's demo seeding): busy, not broken.
        _ when ServiceBusyException.IsDatabaseBusy(exception) => new(StatusCodes.Status503ServiceUnavailable,
            "The database is busy; try again in a moment.", NoErrors, RetryAfter: ServiceBusyException.DefaultRetryAfter),
        _ => null,
    };

    /// <summary>How a bad admin pattern is explained: which one, and why.</summary>
    public static string PatternMessage(PiiPatternError error) =>
        string.IsNullOrEmpty(error.Name) ? Capitalize(error.Reason) : $"Pattern '{error.Name}': {error.Reason}";

    /// <summary>
    /// An API answer (RFC 9457 problem details; validation errors under "errors"). A coded refusal also
    /// carries its code (extension <c>code</c>) with its arguments (<c>args</c>) and its English wording as <c>detail</c>, and the codes of
    /// the field errors under <c>errorCodes</c> (same positions as "errors"; null where a message has none).
    /// </summary>
    public static IResult ToProblem(ApplicationError error, string? instance = null, HttpResponse? response = null)
    {
        if (response is not null && error.RetryAfter is { } wait) SetRetryAfter(response, wait);
        var extensions = new Dictionary<string, object?>();
        if (error.Errors.Count > 0) extensions["errors"] = error.Errors;
        if (error.Code is { } code)
        {
            extensions["code"] = code.Name;
            extensions["args"] = ProblemArgs(code);
        }
        if (error.Codes is { Count: > 0 } codes)
            extensions["errorCodes"] = codes.ToDictionary(c => c.Key, c => c.Value.Select(m => m?.Name).ToArray());
        return TypedResults.Problem(title: error.Title, detail: error.Code?.English, statusCode: error.Status, instance: instance,
            extensions: extensions.Count == 0 ? null : extensions);
    }

    /// <summary>
    /// A code's arguments for a client that words it itself (the question upload page): numbers and text as
    /// JSON numbers and strings, dates as ISO text, a nested coded message as its English.
    /// </summary>
    private static object[] ProblemArgs(CodedMessage code) => code.Args.Select(a => a switch
    {
        CodedMessage inner => inner.English,
        byte or sbyte or short or ushort or int or uint or long or float or double or decimal => a,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => a.ToString() ?? "",
    }).ToArray();

    /// <summary>Catches the application's exceptions thrown by the endpoint(s) and answers them (see <see cref="ApplicationErrorMapping"/>).</summary>
    public static TBuilder MapApplicationErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApplicationErrorFilter>();

    /// <summary>Retry-After in whole seconds, at least one.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>The endpoint filter behind <see cref="ApplicationErrorMapping.MapApplicationErrors{TBuilder}"/>.</summary>
internal sealed class ApplicationErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (context.HttpContext.Request.IsApi() && ApplicationErrorMapping.From(ex) is { } error)
        {
            return ApplicationErrorMapping.ToProblem(error, context.HttpContext.Request.Path, context.HttpContext.Response);
        }
    }
}
