using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Classification;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Classification;

/// <summary>
/// Actions of the Classifier pages. Long work (train, LLM evaluation, cross-validation, batch
/// classification) is queued as a background job and answered with the jobs panel, which polls while
/// anything runs. Promotion and rollback (Reviewer or Admin) are plain form posts that redirect back.
/// </summary>
internal static class ClassifierEndpoints
{
    /// <summary>Chart options leave out what they do not set (ECharts reads a null component as "configure this").</summary>
    private static readonly System.Text.Json.JsonSerializerOptions ChartJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEndpointRouteBuilder MapClassifierUi(this IEndpointRouteBuilder endpoints)
    {
        var area = endpoints.MapGroup("/classifier").RequireAntiforgeryToken();
        area.MapGet("/jobs", JobsAsync).RequireAuthorization(Policies.ContentArea);
        area.MapPost("/train", ([FromForm] TrainForm form, HttpContext http, ClassifierJobService jobs, IOptions<ClassifierOptions> options) =>
            QueueAsync(http, ct => jobs.TrainAsync(form.ToRequest(options.Value), ConsoleActor.Of(http.User), ct))).RequireAuthorization(Policies.ContentArea);
        area.MapPost("/batch", (HttpContext http, ClassifierJobService jobs) =>
            QueueAsync(http, ct => jobs.BatchClassifyAsync(ConsoleActor.Of(http.User), ct))).RequireAuthorization(Policies.ContentArea);
        area.MapPost("/evaluate-llm", ([FromForm] string? name, HttpContext http, ClassifierJobService jobs) =>
            QueueAsync(http, ct => jobs.EvaluateLlmAsync(name, ConsoleActor.Of(http.User), ct))).RequireAuthorization(Policies.ContentArea);
        area.MapPost("/versions/{id:long}/cross-validate", (long id, HttpContext http, ClassifierJobService jobs) =>
            QueueAsync(http, ct => jobs.CrossValidateAsync(id, ConsoleActor.Of(http.User), ct))).RequireAuthorization(Policies.ContentArea);
        area.MapPost("/versions/{id:long}/promote", PromoteAsync).RequireAuthorization(Policies.Review);
        area.MapPost("/rollback", RollbackAsync).RequireAuthorization(Policies.Review);
        area.MapGet("/versions/{id:long}/charts/{chart}", ChartAsync).RequireAuthorization(Policies.ContentArea);
        area.MapGet("/compare/chart", CompareChartAsync).RequireAuthorization(Policies.ContentArea);
        return endpoints;
    }

    /// <summary>
    /// The jobs panel. Polled with <c>?watch=1</c> while something runs; once nothing does, the page is
    /// reloaded (HX-Refresh) so the new version or predictions show.
    /// </summary>
    private static async Task<IResult> JobsAsync(HttpContext http, ClassifierJobViews jobs, bool? watch)
    {
        var views = await jobs.RecentAsync(http.RequestAborted);
        if (watch == true && !views.Any(j => j.IsActive) && http.Request.IsHtmx())
            http.Response.Headers["HX-Refresh"] = "true";
        return Panel(views, null, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> QueueAsync(HttpContext http, Func<CancellationToken, Task<(Application.Persistence.Entities.BackgroundJob Job, bool Created)>> queue)
    {
        string? notice = null, error = null;
        var status = StatusCodes.Status200OK;
        try
        {
            var (job, created) = await queue(http.RequestAborted);
            notice = created ? $"Queued: {ClassifierJobKinds.Describe(job.Kind)}. It runs in the background; you can leave this page."
                             : $"{ClassifierJobKinds.Describe(job.Kind)} is already queued or running; follow it below.";
        }
        catch (ValidationException ex)
        {
            error = ex.Message;
            status = StatusCodes.Status422UnprocessableEntity;
        }
        catch (ForbiddenException)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!http.Request.IsHtmx()) return Results.Redirect("/classifier", preserveMethod: false);
        var views = await http.RequestServices.GetRequiredService<ClassifierJobViews>().RecentAsync(http.RequestAborted);
        return Panel(views, notice, error, status);
    }

    private static RazorComponentResult<JobsPanel> Panel(IReadOnlyList<JobView> jobs, string? notice, string? error, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(JobsPanel.Jobs)] = jobs,
            [nameof(JobsPanel.Notice)] = notice,
            [nameof(JobsPanel.Error)] = error,
        }) { StatusCode = status };

    private static async Task<IResult> PromoteAsync(long id, [FromForm] string? returnTo, HttpContext http, ModelRegistry registry)
    {
        try
        {
            await registry.PromoteAsync(id, ConsoleActor.Of(http.User), http.RequestAborted);
            return Back(http, returnTo, id, ClassifierNotices.Promoted);
        }
        catch (NotFoundException)
        {
            return Back(http, null, id, ClassifierNotices.NotFound);
        }
        catch (ValidationException)
        {
            return Back(http, returnTo, id, ClassifierNotices.CannotServe);
        }
    }

    private static async Task<IResult> RollbackAsync([FromForm] string? returnTo, HttpContext http, ModelRegistry registry)
    {
        try
        {
            var version = await registry.RollbackAsync(ConsoleActor.Of(http.User), http.RequestAborted);
            return Back(http, returnTo, version.Id, ClassifierNotices.RolledBack);
        }
        catch (ValidationException)
        {
            return Back(http, returnTo, null, ClassifierNotices.NoPrevious);
        }
    }

    /// <summary>Back to the classifier page or the version page with a notice code: a redirect, or HX-Redirect for htmx (which asked to confirm).</summary>
    private static IResult Back(HttpContext http, string? returnTo, long? id, string notice)
    {
        var path = returnTo == "version" && id is { } v ? $"/classifier/versions/{v}" : "/classifier";
        var url = path + (id is { } n ? $"?notice={notice}&v={n}" : $"?notice={notice}");
        if (!http.Request.IsHtmx()) return Results.Redirect(url, permanent: false, preserveMethod: false);
        http.Response.Headers["HX-Redirect"] = url;
        return Results.NoContent();
    }

    private static async Task<IResult> ChartAsync(long id, string chart, ModelRegistry registry, IntentNameReader intents, HttpContext http)
    {
        var detail = await registry.GetAsync(id, http.RequestAborted);
        if (detail is null) return Results.NotFound();
        var names = new IntentNames(await intents.EnglishNamesAsync(http.RequestAborted));
        object? option = chart switch
        {
            "confusion" => ClassifierCharts.Confusion(detail.Report, names),
            "histogram" => ClassifierCharts.Histogram(detail.Report),
            "coverage" => ClassifierCharts.Coverage(detail.Report),
            _ => null,
        };
        return option is null ? Results.NotFound() : Results.Json(option, ChartJson);
    }

    private static async Task<IResult> CompareChartAsync(long a, long b, ModelRegistry registry, HttpContext http)
    {
        var comparison = await registry.CompareAsync(a, b, http.RequestAborted);
        return comparison is null ? Results.NotFound() : Results.Json(ClassifierCharts.Comparison(comparison), ChartJson);
    }
}
