using Microsoft.AspNetCore.Mvc;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Annotation;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Annotation;

/// <summary>htmx endpoints of the adjudication page: decide a case (answering with the next), or put it off.</summary>
internal static class AdjudicationEndpoints
{
    public static IEndpointRouteBuilder MapAdjudication(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/annotate/adjudicate")
            .RequireAuthorization(Policies.Review)
            .RequireAntiforgeryToken();
        group.MapPost("/{itemId:long}", DecideAsync);
        group.MapGet("/case", CaseAsync);
        return endpoints;
    }

    private static async Task<IResult> DecideAsync(long itemId, [FromForm] AdjudicationForm form, HttpContext http,
        AdjudicationService adjudication, AdjudicationPanels panels)
    {
        var (reviewer, ct) = (http.User.UserId()!, http.RequestAborted);
        try
        {
            await adjudication.AdjudicateAsync(itemId, reviewer, form.ToInput(), ct);
            // The decided case leaves the queue, so the same position now holds the next one.
            var next = await panels.AtAsync(reviewer, form.Batch, form.Skip, ct);
            return Panel(http, form.Batch, next with { Notice = "Decision saved: the question now has its final label." });
        }
        catch (AnnotationException ex) when (ex.Error == AnnotationError.Invalid)
        {
            var same = await panels.ForItemAsync(reviewer, itemId, form.Batch, form.Skip, ct);
            return Panel(http, form.Batch, same with { Error = ex.Message, Draft = form }, StatusCodes.Status422UnprocessableEntity);
        }
        catch (AnnotationException ex) when (ex.Error is AnnotationError.Forbidden or AnnotationError.Conflict)
        {
            // Own label, or another reviewer decided first: say so and move on to a case this reviewer can decide.
            var next = await panels.AtAsync(reviewer, form.Batch, form.Skip, ct);
            return Panel(http, form.Batch, next with { Warning = ex.Message },
                ex.Error == AnnotationError.Forbidden ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
        }
        catch (AnnotationException ex)
        {
            return AnnotationResults.Problem(ex);
        }
    }

    private static async Task<IResult> CaseAsync(long? batch, int? skip, HttpContext http, AdjudicationPanels panels)
    {
        var model = await panels.AtAsync(http.User.UserId()!, batch, skip ?? 0, http.RequestAborted);
        return Panel(http, batch, model);
    }

    private static IResult Panel(HttpContext http, long? batch, AdjudicationPanelModel model, int status = StatusCodes.Status200OK)
    {
        if (!http.Request.IsHtmx()) return Results.Redirect(batch is { } b ? $"/annotate/adjudicate?batch={b}" : "/annotate/adjudicate");
        return AnnotationResults.Partial<AdjudicationPanel>(new { Model = model }, status);
    }
}
