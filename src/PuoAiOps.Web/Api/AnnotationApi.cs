using Microsoft.AspNetCore.Authorization;
using System.Text.Json;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Annotation;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Api;

/// <summary>
/// /api/v1/annotation: the labeling queue, batches, quality, adjudication and export as JSON for
/// scripts. Authenticated by the console session cookie, so every POST also needs the antiforgery
/// token in the X-CSRF-TOKEN header (GET /api/v1/antiforgery hands one out). Failures are problem
/// details whose title is the reason: 400 invalid, 403 not yours, 404 unknown, 409 state moved on.
/// </summary>
internal static class AnnotationApi
{
    public sealed record LabelRequest(long ItemId, int? IntentId, bool OutOfScope = false, bool Unclear = false, bool MultipleIntents = false,
        string? Note = null, int DurationMs = 0)
    {
        public LabelInput ToInput() => new(OutOfScope ? null : IntentId, OutOfScope, Unclear, MultipleIntents, Note, Math.Clamp(DurationMs, 0, 3_600_000));
    }

    public sealed record SkipRequest(long ItemId, string? Reason);

    /// <summary>A batch as its annotators see it: nothing about gold items.</summary>
    public sealed record AssignedBatch(long Id, string Name, string Status, int LabelsPerItem, DateTime CreatedAt, int Items, double Done);

    public static RouteGroupBuilder MapAnnotationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/annotation").RequireAntiforgeryToken();
        group.MapGet("/batches", ListBatchesAsync).RequireAuthorization(Policies.AnnotationArea);
        group.MapPost("/batches", CreateBatchAsync).RequireAuthorization(Policies.ManageBatches);
        group.MapGet("/batches/{batchId:long}", (long batchId, BatchService batches, CancellationToken ct) =>
            Run(() => batches.GetAsync(batchId, ct))).RequireAuthorization(Policies.ManageBatches);
        group.MapGet("/batches/{batchId:long}/quality", (long batchId, QualityService quality, CancellationToken ct) =>
            Run(() => quality.BatchReportAsync(batchId, ct))).RequireAuthorization(Policies.ManageBatches);

        var queue = group.MapGroup("/batches/{batchId:long}").RequireAuthorization(Policies.Annotate);
        queue.MapGet("/progress", (long batchId, HttpContext http, BatchService batches) =>
            Run(() => batches.ProgressAsync(batchId, http.User.UserId()!, http.RequestAborted)));
        queue.MapPost("/next", NextAsync);
        queue.MapPost("/submit", SubmitAsync);
        queue.MapPost("/submit-and-next", SubmitAndNextAsync);
        queue.MapPost("/skip", SkipAsync);
        queue.MapPost("/undo", UndoAsync);

        var review = group.MapGroup("/adjudication").RequireAuthorization(Policies.Review);
        review.MapGet("", (long? batchId, int? skip, int? take, HttpContext http, AdjudicationService adjudication) =>
            Run(() => adjudication.QueueAsync(http.User.UserId()!, batchId, skip ?? 0, take ?? 20, http.RequestAborted)));
        review.MapPost("/{itemId:long}", (long itemId, HttpContext http, AdjudicationService adjudication) =>
            WithBody<AdjudicationInput>(http, decision => Run(() => adjudication.AdjudicateAsync(itemId, http.User.UserId()!, decision, http.RequestAborted))));

        group.MapGet("/export", LabelExportEndpoints.Export).RequireAuthorization(Policies.ManageBatches);
        return api;
    }

    private static async Task<IResult> ListBatchesAsync(HttpContext http, BatchService batches, IAuthorizationService authorization)
    {
        if ((await authorization.AuthorizeAsync(http.User, Policies.ManageBatches)).Succeeded)
            return TypedResults.Ok(await batches.ListAsync(null, http.RequestAborted));
        var mine = await batches.ListAsync(http.User.UserId(), http.RequestAborted);
        return TypedResults.Ok(mine.Select(b => new AssignedBatch(b.Id, b.Name, b.Status.ToString(), b.LabelsPerItem, b.CreatedAt, b.Progress.Items, b.Progress.Done)).ToList());
    }

    private static Task<IResult> CreateBatchAsync(HttpContext http, BatchService batches) =>
        WithBody<CreateBatchRequest>(http, request => Run(async () =>
        {
            var created = await batches.CreateAsync(request, http.User.UserId(), http.RequestAborted);
            return TypedResults.Created($"/api/v1/annotation/batches/{created.Id}", created);
        }));

    /// <summary>The leased item (the same one again while it is held); 204 when nothing is left for the caller.</summary>
    private static Task<IResult> NextAsync(long batchId, HttpContext http, QueueService queue) =>
        Run(async () => await queue.NextAsync(batchId, http.User.UserId()!, http.RequestAborted) is { } item
            ? TypedResults.Ok(item)
            : (IResult)TypedResults.NoContent());

    private static Task<IResult> SubmitAsync(long batchId, HttpContext http, QueueService queue, LabelingReader panels) =>
        WithBody<LabelRequest>(http, request =>
            InBatch(batchId, request.ItemId, http, panels, () => queue.SubmitAsync(request.ItemId, http.User.UserId()!, request.ToInput(), http.RequestAborted)));

    private static Task<IResult> SubmitAndNextAsync(long batchId, HttpContext http, QueueService queue, LabelingReader panels) =>
        WithBody<LabelRequest>(http, request =>
            InBatch(batchId, request.ItemId, http, panels, () => queue.SubmitAndNextAsync(request.ItemId, http.User.UserId()!, request.ToInput(), http.RequestAborted)));

    /// <summary>Skips the item and returns the next one (null when nothing is left).</summary>
    private static Task<IResult> SkipAsync(long batchId, HttpContext http, QueueService queue, LabelingReader panels) =>
        WithBody<SkipRequest>(http, request =>
            InBatch(batchId, request.ItemId, http, panels, async () => new { next = await queue.SkipAndNextAsync(request.ItemId, http.User.UserId()!, request.Reason ?? "", http.RequestAborted) }));

    private static Task<IResult> UndoAsync(long batchId, HttpContext http, QueueService queue) =>
        Run(async () => await queue.UndoLastAsync(http.User.UserId()!, batchId, http.RequestAborted) is { } undone
            ? TypedResults.Ok(undone)
            : (IResult)TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "You have no label in this batch to undo."));

    /// <summary>
    /// Reads the JSON body inside the handler rather than binding it: a bound body makes routing answer
    /// 415 to a wrong content type before authorization runs, and callers without the role must see 403.
    /// </summary>
    private static async Task<IResult> WithBody<T>(HttpContext http, Func<T, Task<IResult>> handle) where T : class
    {
        if (!http.Request.HasJsonContentType())
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the request body as application/json.");
        T? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<T>(http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON for this call.", detail: ex.Message);
        }
        return body is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is missing.")
            : await handle(body);
    }

    private static async Task<IResult> InBatch<T>(long batchId, long itemId, HttpContext http, LabelingReader panels, Func<Task<T>> action)
    {
        if (!await panels.ItemInBatchAsync(itemId, batchId, http.RequestAborted))
            return AnnotationResults.NotFound($"Item {itemId} is not in batch {batchId}.");
        return await Run(action);
    }

    private static async Task<IResult> Run<T>(Func<Task<T>> action)
    {
        try
        {
            var result = await action();
            return result as IResult ?? TypedResults.Ok(result);
        }
        catch (AnnotationException ex)
        {
            return AnnotationResults.Problem(ex);
        }
    }
}
