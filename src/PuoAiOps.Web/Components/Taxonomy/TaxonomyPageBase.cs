using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PuoAiOps.Web.Shell;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Taxonomy.Forms;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Taxonomy;

/// <summary>
/// What every taxonomy page needs on the interactive shell: Application services in a scope per
/// operation (a circuit lives for hours, a DbContext should not), the signed-in person as an actor,
/// policy checks, and "no such intent" answered as 404.
/// </summary>
public abstract class TaxonomyPageBase : ComponentBase
{
    [Inject] protected IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IDialogService Dialogs { get; set; } = default!;
    [Inject] protected IStringLocalizer<TaxonomyText> T { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope.</summary>
    protected async Task<TResult> UseAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected async Task<ClaimsPrincipal> UserAsync() => (await AuthenticationState).User;

    protected async Task<Actor> ActorAsync() => (await UserAsync()).ToActor();

    protected async Task<bool> AllowsAsync(string policy) => (await Authorization.AuthorizeAsync(await UserAsync(), policy)).Succeeded;

    /// <summary>Loads what the page shows; an unknown id answers 404 (see <see cref="NotFound"/>).</summary>
    protected async Task<TResult?> LoadOrNotFoundAsync<TResult>(Func<Task<TResult>> load) where TResult : class
    {
        IsNotFound = false;
        try
        {
            return await load();
        }
        catch (NotFoundException)
        {
            NotFound();
            return null;
        }
    }

    /// <summary>Set when the circuit (not the prerender) found nothing: the page shows <see cref="NotFoundPanel"/>.</summary>
    protected bool IsNotFound { get; set; }

    /// <summary>The request being prerendered; null over the circuit.</summary>
    [CascadingParameter] private HttpContext? PrerenderContext { get; set; }

    /// <summary>
    /// Nothing has this id: the page shows <see cref="NotFoundPanel"/> inside the shell, and while it
    /// is prerendered the response says 404. The status is set as the response starts, like the
    /// static pages' PageStatus: NavigationManager.NotFound() sets it in mid-render, the status-code
    /// re-execution then runs on the same response and the component renderer answers 500; a thrown
    /// NotFoundException is caught by the shell's error boundary and answers 200.
    /// </summary>
    protected void NotFound()
    {
        IsNotFound = true;
        NotFoundInShell.Answer(PrerenderContext);
    }

    /// <summary>
    /// A refusal of the application (bad input, conflict, not allowed), its coded messages worded in the
    /// reader's language, or null for a bug (rethrown by the caller).
    /// </summary>
    protected ApplicationError? Refusal(Exception exception) => ApplicationErrorMapping.From(exception)?.Worded(T.Word);

    /// <summary>The service's last refusal on this page (shown above the fields and at each field it names).</summary>
    protected ApplicationError? LastRefusal { get; set; }

    protected bool Busy { get; set; }

    /// <summary>
    /// Makes a proposal and opens it; a refusal stays on the page with its messages. Returns false
    /// when refused.
    /// </summary>
    protected async Task<bool> ProposeAsync(Func<TaxonomyChangeService, Actor, Task<ChangeView>> propose)
    {
        Busy = true;
        LastRefusal = null;
        try
        {
            var actor = await ActorAsync();
            var change = await UseAsync<TaxonomyChangeService, ChangeView>(s => propose(s, actor));
            Navigation.NavigateTo($"/taxonomy/proposals/{change.Id}?proposed=true");
            return true;
        }
        catch (Exception ex) when (Refusal(ex) is { } refusal)
        {
            LastRefusal = refusal;
            Snackbar.Add(T["Proposal.Refused"], Severity.Error);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    protected string? Say(ProposalFieldError? error) => FieldErrors.Describe(T, error);

    protected string? ServerMessage(params string[] fields) => FieldErrors.ServerMessage(LastRefusal, fields);

    protected static string Date(DateTime utc) => utc.ToString("g", System.Globalization.CultureInfo.CurrentCulture) + " UTC";
}
