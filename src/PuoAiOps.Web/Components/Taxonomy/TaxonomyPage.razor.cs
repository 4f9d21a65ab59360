using Microsoft.AspNetCore.Components;
using MudBlazor;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Components.Taxonomy;

/// <summary>/taxonomy: every intent in a table paged, sorted and filtered on the server.</summary>
public partial class TaxonomyPage
{
    private const string AllValue = "";

    private MudDataGrid<IntentRow> _grid = default!;
    private IReadOnlyList<DomainView> _domains = [];
    private IReadOnlyDictionary<IntentStatus, int> _counts = new Dictionary<IntentStatus, int>();
    private string? _search;
    private string _status = AllValue;
    private string _domain = AllValue;
    private bool _canCurate;
    private int _pending;

    [SupplyParameterFromQuery(Name = "q")] private string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "domain")] private string? DomainQuery { get; set; }

    private bool Filtering => !string.IsNullOrWhiteSpace(_search) || _status != AllValue || _domain != AllValue;

    protected override async Task OnInitializedAsync()
    {
        _search = Q;
        _status = Enum.TryParse<IntentStatus>(StatusQuery, ignoreCase: true, out var s) ? s.ToString() : AllValue;
        _domain = DomainQuery ?? AllValue;
        _canCurate = await AllowsAsync(Policies.Curate);
        _domains = await UseAsync<TaxonomyService, IReadOnlyList<DomainView>>(t => t.ListAsync(null));
        _counts = await UseAsync<TaxonomyCounts, IReadOnlyDictionary<IntentStatus, int>>(c => c.IntentsByStatusAsync());
        _pending = await UseAsync<TaxonomyCounts, int>(c => c.PendingProposalsAsync());
    }

    private async Task<GridData<IntentRow>> LoadAsync(GridState<IntentRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new IntentTableQuery(
            Search: _search,
            Status: Enum.TryParse<IntentStatus>(_status, out var status) ? status : null,
            DomainKey: _domain == AllValue ? null : _domain,
            Sort: sort?.SortBy switch
            {
                nameof(IntentRow.Key) => IntentSort.Key,
                nameof(IntentRow.Names) => IntentSort.Name,
                nameof(IntentRow.Status) => IntentSort.Status,
                _ => IntentSort.Domain,
            },
            Descending: sort?.Descending ?? false,
            Skip: state.Page * state.PageSize,
            Take: state.PageSize);
        var page = await UseAsync<IntentQueries, IntentTablePage>(q => q.QueryAsync(query, ct));
        return new GridData<IntentRow> { Items = page.Items, TotalItems = page.Total };
    }

    private Task ReloadAsync(string? _) => _grid.ReloadServerData();

    private Task StatusChangedAsync(string value)
    {
        _status = value;
        return _grid.ReloadServerData();
    }

    private Task DomainChangedAsync(string value)
    {
        _domain = value;
        return _grid.ReloadServerData();
    }
}
