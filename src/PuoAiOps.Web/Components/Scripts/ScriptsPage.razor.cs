using Microsoft.AspNetCore.Components;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;

namespace PuoAiOps.Web.Components.Scripts;

public partial class ScriptsPage
{
    /// <summary>The selects' value for "no filter" (a select cannot hold null).</summary>
    private const string Any = "";

    private MudDataGrid<ScriptSummary> _grid = default!;
    private IReadOnlyList<ScriptPerson> _owners = [];
    private string? _text;
    private string? _intent;
    private string _locale = Any;
    private string _channel = Any;
    private string _status = Any;
    private string _owner = Any;
    private bool _anyFilter;
    private WorkspaceTime _time = WorkspaceTime.Utc;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _time = await Clock.CurrentAsync();
        await using var scope = Scopes.CreateAsyncScope();
        _owners = await scope.ServiceProvider.GetRequiredService<ScriptDirectory>().OwnersAsync();
    }

    /// <summary>The grid's page, sort and the filters above it, answered by the library service.</summary>
    private async Task<GridData<ScriptSummary>> LoadAsync(GridState<ScriptSummary> state, CancellationToken ct)
    {
        var query = Query();
        _anyFilter = query != new ScriptQuery();
        var sort = state.SortDefinitions.FirstOrDefault();
        var by = sort?.SortBy switch
        {
            nameof(ScriptSummary.Title) => ScriptSort.Title,
            nameof(ScriptSummary.Status) => ScriptSort.Status,
            nameof(ScriptSummary.UpdatedAt) => ScriptSort.Updated,
            _ => ScriptSort.Intent,
        };
        await using var scope = Scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ScriptLibrary>()
            .PageAsync(query, state.Page * state.PageSize, state.PageSize, by, sort?.Descending ?? false, ct);
        return new GridData<ScriptSummary> { Items = page.Rows, TotalItems = page.Total };
    }

    /// <summary>The filters as the service takes them; the selects' "any" is no filter.</summary>
    public ScriptQuery Query() => new(
        Intent: Blank(_intent), Locale: Blank(_locale), Channel: Blank(_channel),
        Status: Enum.TryParse<ScriptVersionStatus>(_status, out var s) ? s : null, OwnerId: Blank(_owner), Text: Blank(_text));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string OwnerName(string? id) => id is null ? "—" : _owners.FirstOrDefault(p => p.Id == id)?.DisplayName ?? "—";

    private Task OnTextChanged(string? value) => Reload(() => _text = value);
    private Task OnIntentChanged(string? value) => Reload(() => _intent = value);
    private Task OnLocaleChanged(string value) => Reload(() => _locale = value);
    private Task OnChannelChanged(string value) => Reload(() => _channel = value);
    private Task OnStatusChanged(string value) => Reload(() => _status = value);
    private Task OnOwnerChanged(string value) => Reload(() => _owner = value);

    private async Task Reload(Action set)
    {
        set();
        await _grid.ReloadServerData();
    }
}
