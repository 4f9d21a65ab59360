using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PuoAiOps.Application.Admin;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Admin;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Admin;

/// <summary>
/// htmx endpoints of the users table: each changes one user and returns the re-rendered row
/// (422 with the row and its message when the change is refused). Plain form posts go back to the list.
/// </summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminUi(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/admin/users")
            .RequireAuthorization(Policies.Admin)
            .RequireAntiforgeryToken();
        users.MapPost("/{id}/role", ChangeRoleAsync);
        users.MapPost("/{id}/status", SetStatusAsync);
        return endpoints;
    }

    private static async Task<IResult> ChangeRoleAsync(string id, [FromForm] string role, HttpContext http, UserAdminService admin)
    {
        var result = await admin.ChangeRoleAsync(http.User.ToActor(), id, role, http.RequestAborted);
        return await RowAsync(http, admin, id, result, $"Role changed to {role}.");
    }

    private static async Task<IResult> SetStatusAsync(string id, [FromForm] bool disabled, HttpContext http, UserAdminService admin)
    {
        var result = await admin.SetDisabledAsync(http.User.ToActor(), id, disabled, http.RequestAborted);
        return await RowAsync(http, admin, id, result, disabled ? "Disabled and signed out." : "Enabled: can sign in again.");
    }

    private static async Task<IResult> RowAsync(HttpContext http, UserAdminService admin, string id, UserCommandResult result, string notice)
    {
        if (!http.Request.IsHtmx()) return Results.Redirect("/admin/users");
        var user = await admin.GetAsync(id, http.RequestAborted);
        if (user is null) return Results.NotFound();
        var parameters = new Dictionary<string, object?>
        {
            [nameof(UserRow.User)] = user,
            [nameof(UserRow.IsSelf)] = user.Id == http.User.UserId(),
            [nameof(UserRow.Error)] = result.Succeeded ? null : string.Join(" ", result.Errors),
            [nameof(UserRow.Notice)] = result.Succeeded ? notice : null,
        };
        return new RazorComponentResult<UserRow>(parameters)
        {
            StatusCode = result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity,
        };
    }
}
