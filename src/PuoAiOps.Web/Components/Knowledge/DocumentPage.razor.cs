using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Web.Knowledge;
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
    private int _tab;

    [Parameter] public long Id { get; set; }

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;

    /// <summary>Only while prerendering (null on the circuit): an unknown id answers 404.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    protected override async Task OnParametersSetAsync()
    {
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

    private string Name(string? id) => id is null ? "—" : _names.TryGetValue(id, out var name) ? name : id;
}
