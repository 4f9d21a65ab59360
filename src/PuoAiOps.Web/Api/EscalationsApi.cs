using PuoAiOps.Application.Escalations;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Api;

/// <summary>
/// /api/v1/escalations: the hand-over queue as JSON. Everyone in the insights area reads (policy
/// InsightsArea); taking, assigning, releasing, closing and reopening need HandleEscalations, and the
/// antiforgery token when the caller uses the session cookie. Send the case's <c>version</c> as you
/// read it: a case changed meanwhile answers 409 with the code <c>Changed</c> (or <c>TakenByOther</c>).
/// </summary>
internal static class EscalationsApi
{
    public sealed record VersionRequest(int? Version);

    public sealed record AssignRequest(string? Assignee, int? Version);

    public sealed record CloseRequest(string? Outcome, string? Note, int? Version);

    public static RouteGroupBuilder MapEscalationsApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/escalations").RequireAuthorization(Policies.InsightsArea).MapApplicationErrors();
        var act = api.MapGroup("/escalations/{id:long}").RequireAuthorization(Policies.HandleEscalations).RequireAntiforgeryToken().MapApplicationErrors();
        read.MapGet("/", (EscalationQueue queue, HttpContext http, string? status, string? reason, string? intent, string? locale, string? channel,
            DateOnly? from, DateOnly? to, string? assignee, string? sort, int? page, int? pageSize) =>
            queue.SearchAsync(new EscalationFilter
            {
                Status = status, Reason = reason, Intent = intent, Locale = locale, Channel = channel, From = from, To = to,
                Assignee = assignee, Sort = sort, Page = Math.Max(0, page ?? 0), PageSize = pageSize ?? 25,
            }, http.User.UserId(), http.RequestAborted));
        read.MapGet("/counts", (EscalationQueue queue, HttpContext http, string? reason, string? intent, string? locale, string? channel,
            DateOnly? from, DateOnly? to, string? assignee) =>
            queue.CountsAsync(new EscalationFilter { Reason = reason, Intent = intent, Locale = locale, Channel = channel, From = from, To = to, Assignee = assignee },
                http.User.UserId(), http.RequestAborted));
        read.MapGet("/{id:long}", async (long id, EscalationQueue queue, CancellationToken ct) =>
            await queue.GetAsync(id, ct) is { } detail ? Results.Ok(detail) : throw NotFound(id));

        act.MapPost("/take", (long id, HttpContext http, EscalationDesk desk) =>
            ApiBody.With<VersionRequest>(http, async b => await desk.TakeAsync(id, b.Version, http.User.ToActor(), http.RequestAborted), optional: true));
        act.MapPost("/assign", (long id, HttpContext http, EscalationDesk desk) =>
            ApiBody.With<AssignRequest>(http, async b => await desk.AssignAsync(id, b.Assignee ?? "", b.Version, http.User.ToActor(), http.RequestAborted)));
        act.MapPost("/release", (long id, HttpContext http, EscalationDesk desk) =>
            ApiBody.With<VersionRequest>(http, async b => await desk.ReleaseAsync(id, b.Version, http.User.ToActor(), http.RequestAborted), optional: true));
        act.MapPost("/close", (long id, HttpContext http, EscalationDesk desk) =>
            ApiBody.With<CloseRequest>(http, async b => await desk.CloseAsync(id, new CloseEscalationInput(b.Outcome, b.Note), b.Version, http.User.ToActor(), http.RequestAborted)));
        act.MapPost("/reopen", (long id, HttpContext http, EscalationDesk desk) =>
            ApiBody.With<VersionRequest>(http, async b => await desk.ReopenAsync(id, b.Version, http.User.ToActor(), http.RequestAborted), optional: true));
        return api;
    }

    private static PuoAiOps.Application.Common.NotFoundException NotFound(long id) =>
        new(PuoAiOps.Core.Messages.CodedMessage.Of(EscalationRefusal.NotFound, id));
}
