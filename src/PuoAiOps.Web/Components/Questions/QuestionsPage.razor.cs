using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Questions;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Questions;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Questions;

public partial class QuestionsPage
{
    private static readonly int[] PageSizes = [25, 50, 100, 200];

    private MudDataGrid<QuestionRow> _grid = default!;
    private QuestionFacets? _facets;
    private string? _search;
    private string _labeled = "";
    private string _source = "";
    private string _locale = "";
    private string? _limited;
    private GridData<QuestionRow> _last = new() { Items = [], TotalItems = 0 };
    private WorkspaceTime _time = WorkspaceTime.Utc;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private QuestionSearchLimiter Limiter { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] private string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "labeled")] private string? Labeled { get; set; }
    [SupplyParameterFromQuery(Name = "source")] private string? Source { get; set; }
    [SupplyParameterFromQuery(Name = "locale")] private string? Locale { get; set; }
    [SupplyParameterFromQuery(Name = "run")] private long? Run { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _search = Q;
        _labeled = Labeled is "yes" or "no" ? Labeled : "";
        _source = Source ?? "";
        _locale = Locale ?? "";
        _time = await Clock.CurrentAsync();
        _facets = await Scopes.RunAsync<QuestionBrowser, QuestionFacets>(b => b.FacetsAsync());
    }

    private async Task<GridData<QuestionRow>> LoadAsync(GridState<QuestionRow> state, CancellationToken ct)
    {
        RateLimitLease? lease = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(_search))
            {
                var user = (await AuthenticationState).User.UserId() ?? "anonymous";
                lease = Limiter.TryAcquire(user);
                if (!lease.IsAcquired)
                {
                    var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
                    _limited = T["List.Limited", wait.ToString(CultureInfo.CurrentCulture)];
                    await InvokeAsync(StateHasChanged);
                    return _last;
                }
            }
            if (_limited is not null)
            {
                _limited = null;
                await InvokeAsync(StateHasChanged);
            }
            var query = new QuestionQuery(_search, _labeled switch { "yes" => true, "no" => false, _ => null }, Blank(_source), Blank(_locale), Run,
                state.Page + 1, state.PageSize, OldestFirst: state.SortDefinitions.FirstOrDefault() is { Descending: false });
            var page = await Scopes.RunAsync<QuestionBrowser, QuestionPage>(b => b.ListAsync(query, ct));
            return _last = new GridData<QuestionRow> { Items = page.Rows, TotalItems = page.Total };
        }
        finally
        {
            lease?.Dispose();
        }
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        return _grid.ReloadServerData();
    }

    private Task FilterAsync(Action change)
    {
        change();
        return _grid.ReloadServerData();
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
