using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Conversations;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Escalations;

/// <summary>
/// The selected case: loads it and its conversation, and runs the commands with the version it showed,
/// so a case someone else changed meanwhile is refused (worded in the reader's language) and reloaded.
/// </summary>
public sealed partial class EscalationPanel
{
    private EscalationDetail? _case;
    private ConversationDetail? _conversation;
    private bool _loading = true;
    private bool _busy;
    private string? _assignTo;
    private string _outcome = "resolved";
    private string? _note;
    private string? _noteError;

    [Parameter, EditorRequired] public long Id { get; set; }
    [Parameter] public bool CanHandle { get; set; }
    [Parameter] public string? UserId { get; set; }
    [Parameter] public IReadOnlyList<EscalationHandler> Handlers { get; set; } = [];
    [Parameter] public WorkspaceTime Time { get; set; } = WorkspaceTime.Utc;
    /// <summary>After a command succeeded or was refused: the page reloads the list and the counts.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private MessageWords Words { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override Task OnParametersSetAsync() => _case?.Row.Id == Id ? Task.CompletedTask : LoadAsync();

    public async Task LoadAsync()
    {
        _loading = true;
        (_case, _conversation) = await Scopes.RunAsync<(EscalationDetail?, ConversationDetail?)>(async s =>
        {
            var detail = await s.GetRequiredService<EscalationQueue>().GetAsync(Id);
            var conversation = detail is null ? null : await s.GetRequiredService<ConversationBrowser>().GetAsync(detail.Row.ConversationId);
            return (detail, conversation);
        });
        _loading = false;
        await InvokeAsync(StateHasChanged);
    }

    public Task TakeAsync() =>
        _case is { Row.AssigneeId: null, Row.Status: not "closed" } && CanHandle
            ? RunAsync((d, v, a) => d.TakeAsync(Id, v, a), T["Done.Take", Id])
            : Task.CompletedTask;

    private Task ReleaseAsync() => RunAsync((d, v, a) => d.ReleaseAsync(Id, v, a), T["Done.Release", Id]);

    private Task ReopenAsync() => RunAsync((d, v, a) => d.ReopenAsync(Id, v, a), T["Done.Reopen", Id]);

    private Task AssignAsync()
    {
        var to = _assignTo;
        var name = Handlers.FirstOrDefault(h => h.Id == to)?.DisplayName ?? to;
        return to is null ? Task.CompletedTask : RunAsync((d, v, a) => d.AssignAsync(Id, to, v, a), T["Done.Assign", Id, name ?? ""]);
    }

    private async Task CloseAsync()
    {
        _noteError = string.IsNullOrWhiteSpace(_note) ? T["EscalationRefusal.NoteRequired"].Value : null;
        if (_noteError is not null) return;
        var sure = await Dialogs.ShowMessageBoxAsync(T["Action.Close"], T["Close.Confirm", Id, T["Outcome." + _outcome]], yesText: T["Action.Close"], cancelText: T["Cancel"]);
        if (sure != true) return;
        var input = new CloseEscalationInput(_outcome, _note);
        await RunAsync((d, v, a) => d.CloseAsync(Id, input, v, a), T["Done.Close", Id]);
    }

    private async Task RunAsync(Func<EscalationDesk, int, Actor, Task<EscalationOutcomeView>> command, string done)
    {
        if (_case is null || _busy) return;
        _busy = true;
        var version = _case.Row.Version;
        var actor = (await AuthenticationState).User.ToActor();
        try
        {
            await Scopes.RunAsync<EscalationDesk, EscalationOutcomeView>(d => command(d, version, actor));
            Snackbar.Add(done, Severity.Success);
            (_note, _assignTo, _noteError) = (null, null, null);
        }
        catch (ValidationException ex) when (ex.Errors.ContainsKey("note"))
        {
            _noteError = T.WordRefusal(ex);
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ForbiddenException or ValidationException)
        {
            Snackbar.Add(T.WordRefusal(ex), Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
        await OnChanged.InvokeAsync();
    }
}
