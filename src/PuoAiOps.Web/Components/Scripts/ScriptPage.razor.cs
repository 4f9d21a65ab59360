using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using PuoAiOps.Web.Annotation;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Components.Scripts;

public partial class ScriptPage
{
    private ScriptDetails? _details;
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();
    private WorkspaceTime _time = WorkspaceTime.Utc;
    private IReadOnlyList<ScriptPerson> _owners = [];
    private DraftModel _model = new();
    private DraftModel _saved = new();
    private SaveResult? _conflict;
    private DraftModel? _mine;
    private Actor _actor = Actor.System("anonymous");
    private bool _canEdit;
    private bool _canReview;
    private bool _busy;
    private bool _missing;
    private int _tab;
    private IReadOnlyList<VersionPerformance>? _performance;

    [Parameter] public long Id { get; set; }

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Only while prerendering (null on the circuit): an unknown id answers 404.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The version being worked on: draft, in review or rejected (at most one per script).</summary>
    private VersionView? Open => _details?.Versions.FirstOrDefault(v => v.Status is ScriptVersionStatus.Draft or ScriptVersionStatus.InReview or ScriptVersionStatus.Rejected);

    private VersionView? Newest => _details is { Versions.Count: > 0 } d ? d.Versions[0] : null;

    private VersionView? Served => _details?.Versions.FirstOrDefault(v => v.Id == _details.Script.PublishedVersionId);

    /// <summary>Editors edit unless the open version waits in review (withdraw it first).</summary>
    private bool Editable => _canEdit && Open?.Status != ScriptVersionStatus.InReview;

    private string ReadOnlyReason => !_canEdit ? "Draft.ReadOnlyRole" : "Draft.ReadOnlyInReview";

    private int OpenErrors => _details?.OpenVersionFindings.Count(f => f.Severity == LintSeverity.Error) ?? 0;

    private bool OwnChange => Open is { } v && ScriptReview.IsOwnChange(v.AuthorId, v.UpdatedById, _actor);

    private bool Unsaved => _model.VersionDiffers(_saved) || _model.DetailsDiffer(_saved);

    /// <summary>The stamp a save sends: the open draft's, or (no draft) the newest version's, from which a new draft starts.</summary>
    private Guid? EditStamp => (Open ?? Newest)?.Stamp;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User.ToActor();
        _canEdit = _actor.IsInAnyRole(Roles.Curator, Roles.Admin);
        _canReview = _actor.IsInAnyRole(Roles.Reviewer, Roles.Admin);
        _time = await Clock.CurrentAsync();
        await LoadAsync();
    }

    private async Task LoadAsync(bool keepModel = false)
    {
        await using var scope = Scopes.CreateAsyncScope();
        try
        {
            _details = await scope.ServiceProvider.GetRequiredService<ScriptLibrary>().GetAsync(Id);
        }
        catch (NotFoundException)
        {
            _missing = true;
            if (HttpContext is not null) PageStatus.Set(HttpContext, StatusCodes.Status404NotFound);
            return;
        }
        var people = _details.Versions.SelectMany(v => new[] { v.AuthorId, v.UpdatedById, v.ReviewerId }).Append(_details.Script.OwnerId);
        _names = await scope.ServiceProvider.GetRequiredService<ScriptDirectory>().NamesAsync(people);
        if (_canEdit) _owners = await scope.ServiceProvider.GetRequiredService<ScriptDirectory>().EligibleOwnersAsync();
        _saved = DraftModel.From(_details.Script, Open ?? Newest);
        if (!keepModel) _model = _saved.Copy();
    }

    private const int PerformanceTab = 3;

    /// <summary>Performance is read when its tab is opened (by mouse or keyboard): it scans the bot's turns, which most visits do not need.</summary>
    private async Task OnTabChangedAsync(int index)
    {
        _tab = index;
        if (index != PerformanceTab) return;
        await using var scope = Scopes.CreateAsyncScope();
        _performance = await scope.ServiceProvider.GetRequiredService<ScriptInsights>().PerformanceAsync(Id);
    }

    private string Name(string? id) => id is not null && _names.TryGetValue(id, out var name) ? name : "—";
}
