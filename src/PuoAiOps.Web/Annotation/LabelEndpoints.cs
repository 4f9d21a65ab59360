using Microsoft.AspNetCore.Mvc;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Annotation;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Annotation;

/// <summary>
/// htmx endpoints of the labeling page. Each answers with the item panel: the next item after a
/// label or skip, the item handed back after an undo, the same item with its message (422) when
/// the input is refused. Plain form posts (no htmx) go back to the page.
/// </summary>
internal static class LabelEndpoints
{
    public static IEndpointRouteBuilder MapLabeling(this IEndpointRouteBuilder endpoints)
    {
        var batch = endpoints.MapGroup("/annotate/batches/{batchId:long}")
            .RequireAuthorization(Policies.Annotate)
            .RequireAntiforgeryToken();
        batch.MapPost("/items/{itemId:long}/label", LabelAsync);
        batch.MapPost("/items/{itemId:long}/skip", SkipAsync);
        batch.MapPost("/undo", UndoAsync);
        batch.MapGet("/items/{itemId:long}/suggestion", SuggestionAsync);
        return endpoints;
    }

    private static async Task<IResult> LabelAsync(long batchId, long itemId, [FromForm] LabelForm form, HttpContext http,
        QueueService queue, LabelPanels panels)
    {
        var (user, ct) = (http.User.UserId()!, http.RequestAborted);
        if (!await panels.ItemInBatchAsync(itemId, batchId, ct)) return AnnotationResults.NotFound($"Item {itemId} is not in batch {batchId}.");
        try
        {
            var result = await queue.SubmitAndNextAsync(itemId, user, form.ToInput(), ct);
            return Panel(http, batchId, await panels.ForAsync(batchId, user, result.Next, ct));
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Invalid)
        {
            var current = await panels.CurrentAsync(batchId, user, ct);
            return Panel(http, batchId, current with { Error = ex.Message, Draft = current.Item?.ItemId == itemId ? form : null },
                StatusCodes.Status422UnprocessableEntity);
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
        {
            // Someone filled the item first, or a second Enter: nothing to fix, so carry on with the next item.
            return Panel(http, batchId, await panels.CurrentAsync(batchId, user, ct) with { Warning = ex.Message });
        }
        catch (AnnotationException ex)
        {
            return AnnotationResults.Problem(ex);
        }
    }

    private static async Task<IResult> SkipAsync(long batchId, long itemId, [FromForm] string? reason, HttpContext http,
        QueueService queue, LabelPanels panels)
    {
        var (user, ct) = (http.User.UserId()!, http.RequestAborted);
        if (!await panels.ItemInBatchAsync(itemId, batchId, ct)) return AnnotationResults.NotFound($"Item {itemId} is not in batch {batchId}.");
        try
        {
            var next = await queue.SkipAndNextAsync(itemId, user, reason ?? "", ct);
            return Panel(http, batchId, await panels.ForAsync(batchId, user, next, ct) with { Notice = "Skipped. It will not be offered to you again." });
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Invalid)
        {
            var current = await panels.CurrentAsync(batchId, user, ct);
            return Panel(http, batchId, current with { Error = ex.Message, SkipOpen = current.Item?.ItemId == itemId, SkipReason = reason },
                StatusCodes.Status422UnprocessableEntity);
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
        {
            return Panel(http, batchId, await panels.CurrentAsync(batchId, user, ct) with { Warning = ex.Message });
        }
        catch (AnnotationException ex)
        {
            return AnnotationResults.Problem(ex);
        }
    }

    private static async Task<IResult> UndoAsync(long batchId, HttpContext http, QueueService queue, LabelPanels panels)
    {
        var (user, ct) = (http.User.UserId()!, http.RequestAborted);
        try
        {
            var undone = await queue.UndoLastAsync(user, batchId, ct);
            if (undone is null)
                return Panel(http, batchId, await panels.CurrentAsync(batchId, user, ct) with { Warning = "You have no label in this batch to undo." },
                    StatusCodes.Status422UnprocessableEntity);
            var model = await panels.ForAsync(batchId, user, undone.Next, ct);
            return Panel(http, batchId, model with
            {
                Notice = undone.Next?.ItemId == undone.ItemId
                    ? "Your last label was taken back. Label this question again."
                    : "Your last label was taken back; that question went to another annotator in the meantime.",
            });
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
        {
            return Panel(http, batchId, await panels.CurrentAsync(batchId, user, ct) with { Warning = ex.Message },
                StatusCodes.Status422UnprocessableEntity);
        }
        catch (AnnotationException ex)
        {
            return AnnotationResults.Problem(ex);
        }
    }

    /// <summary>
    /// The model's guess for an item, fetched by the page of a batch without up-front suggestions once the
    /// annotator's label is stored (the service refuses it before: 403), so it cannot anchor their judgement.
    /// </summary>
    private static async Task<IResult> SuggestionAsync(long batchId, long itemId, HttpContext http, SuggestionService suggestions)
    {
        try
        {
            var suggestion = await suggestions.ForItemAsync(batchId, itemId, http.User.UserId()!, http.RequestAborted);
            return AnnotationResults.Partial<SuggestionChip>(new { Suggestion = suggestion, Revealed = true });
        }
        catch (AnnotationException ex)
        {
            return AnnotationResults.Problem(ex);
        }
    }

    private static IResult Panel(HttpContext http, long batchId, LabelPanelModel model, int status = StatusCodes.Status200OK)
    {
        if (!http.Request.IsHtmx()) return Results.Redirect($"/annotate/batches/{batchId}/label");
        return AnnotationResults.Partial<LabelItemPanel>(new { Model = model }, status);
    }
}
