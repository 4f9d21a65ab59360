using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Knowledge;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Knowledge;

public partial class DocumentPage
{
    private DocumentDetails? _doc;
    private IReadOnlyList<ChunkView> _chunks = [];
    private IReadOnlyList<DocumentRevision> _revisions = [];
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();
    private string _previewHtml = "";
    private WorkspaceTime _time = WorkspaceTime.Utc;
    private bool _missing;
    private bool _canCurate;
    private bool _changing;
    private string? _indexWarning;
    private int _tab;

    [Parameter] public long Id { get; set; }

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Only while prerendering (null on the circuit): an unknown id answers 404.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _canCurate = await Authorization.AllowsAsync((await AuthenticationState).User, Policies.Curate);
        _time = await Clock.CurrentAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var today = await Clock.TodayAsync();
        try
        {
            await Scopes.RunAsync<bool>(async sp =>
            {
                _doc = await sp.GetRequiredService<DocumentCatalog>().GetAsync(Id, today);
                _chunks = await sp.GetRequiredService<DocumentCatalog>().ChunksAsync(Id);
                var history = sp.GetRequiredService<DocumentHistoryService>();
                _revisions = await history.RevisionsAsync(Id);
                _previewHtml = await history.RenderAsync(Id);
                var people = _revisions.Select(r => r.CreatedById).Append(_doc.UploadedById).Append(_doc.UpdatedById);
                _names = await sp.GetRequiredService<ScriptDirectory>().NamesAsync(people);
                return true;
            });
        }
        catch (NotFoundException)
        {
            _missing = true;
            NotFoundInShell.Answer(HttpContext);
        }
    }

    private async Task OnSavedAsync()
    {
        await LoadAsync();
        _tab = 2; // the history shows the new revision and its diff
    }

    private async Task ArchiveAsync() => await ChangeAsync((l, actor) => l.ArchiveAsync(Id, actor), "Document.ArchivedDone");

    private async Task RestoreAsync() => await ChangeAsync((l, actor) => l.RestoreAsync(Id, actor), "Document.RestoredDone");

    /// <summary>Irreversible, so it asks first; then back to the list.</summary>
    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Document.DeleteTitle"], T["Document.DeleteConfirm", _doc!.Title, _chunks.Count, _revisions.Count],
            yesText: T["Document.Delete"], cancelText: T["Document.Cancel"]);
        if (confirmed != true) return;
        if (await ChangeAsync((l, actor) => l.DeleteAsync(Id, actor), "Document.DeletedDone", reload: false))
            Navigation.NavigateTo("/knowledge");
    }

    private async Task<bool> ChangeAsync(Func<DocumentLifecycle, Actor, Task<DocumentChange>> change, string done, bool reload = true)
    {
        _changing = true;
        try
        {
            var actor = (await AuthenticationState).User.ToActor();
            var result = await Scopes.RunAsync<DocumentLifecycle, DocumentChange>(l => change(l, actor));
            // The index note is worded from its code, so a Chinese reader gets it in Chinese.
            _indexWarning = result.IndexNote is { } note ? T.Word(note) : null;
            Snackbar.Add(T[done, _doc?.Title ?? result.Slug], _indexWarning is null ? Severity.Success : Severity.Warning);
            if (_indexWarning is not null && !reload) Snackbar.Add(_indexWarning, Severity.Warning);
            if (reload) await LoadAsync();
            return true;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ForbiddenException)
        {
            Snackbar.Add(T.WordRefusal(ex), Severity.Error);
            if (reload) await LoadAsync();
            return false;
        }
        finally
        {
            _changing = false;
        }
    }

    private string Name(string? id) => id is null ? "—" : _names.TryGetValue(id, out var name) ? name : id;
}
