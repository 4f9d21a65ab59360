using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Suites;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Knowledge;

public partial class SuitesPanel
{
    private IReadOnlyList<SuiteSummary> _suites = [];
    private long _selected;
    private SuiteDetails? _suite;
    private object? _chart;
    private WorkspaceTime _time = WorkspaceTime.Utc;
    private bool _running;
    private int _done;
    private string? _newName;
    private string? _newQuery;
    private string _newLocale = "";
    private string? _newExpected;
    private string? _addError;
    private bool _canEdit;

    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Readers (reviewers, viewers) see the suites and their results; running or changing one is for curators.
        _canEdit = await Authorization.AllowsAsync((await AuthenticationState).User, Policies.Curate);
        _time = await Clock.CurrentAsync();
        _suites = await Scopes.RunAsync<RetrievalSuiteService, IReadOnlyList<SuiteSummary>>(s => s.ListAsync());
        if (_suites.Count > 0) await SelectAsync(_suites[0].Id);
    }

    private async Task SelectAsync(long id)
    {
        _selected = id;
        _suite = await Scopes.RunAsync<RetrievalSuiteService, SuiteDetails>(s => s.GetAsync(id));
        _chart = SuiteRunsChart.Option(_suite.Runs, _time, T["Metric.RecallAt1"], T["Metric.RecallAtK", _suite.K], T["Metric.Mrr"]);
    }

    /// <summary>
    /// A suite of tens of queries runs in about a second, so it runs on the circuit with a progress
    /// bar rather than as a background job; the run is stored either way.
    /// </summary>
    private async Task RunAsync()
    {
        if (_suite is null) return;
        _running = true;
        _done = 0;
        var user = (await AuthenticationState).User.UserId();
        var progress = new Progress<int>(done => InvokeAsync(() => { _done = done; StateHasChanged(); }));
        try
        {
            var run = await Scopes.RunAsync<RetrievalSuiteService, SuiteRunView>(s => s.RunAsync(_suite.Id, user, progress));
            Snackbar.Add(T[run.AllPassed ? "Suites.RunPassed" : "Suites.RunFailed", run.Passed, run.Queries], run.AllPassed ? Severity.Success : Severity.Warning);
        }
        catch (ValidationException ex)
        {
            Snackbar.Add(T.WordRefusal(ex), Severity.Error);
        }
        finally
        {
            _running = false;
        }
        await SelectAsync(_suite.Id);
        _suites = await Scopes.RunAsync<RetrievalSuiteService, IReadOnlyList<SuiteSummary>>(s => s.ListAsync());
    }

    private async Task CreateAsync()
    {
        var name = _newName ?? "";
        var user = (await AuthenticationState).User.UserId();
        try
        {
            var id = await Scopes.RunAsync<RetrievalSuiteService, long>(s => s.CreateAsync(name, 5, user));
            _newName = null;
            _suites = await Scopes.RunAsync<RetrievalSuiteService, IReadOnlyList<SuiteSummary>>(s => s.ListAsync());
            await SelectAsync(id);
        }
        catch (Exception ex) when (ex is ValidationException or ConflictException)
        {
            Snackbar.Add(T.WordRefusal(ex), Severity.Error);
        }
    }

    private async Task AddAsync()
    {
        if (_suite is null) return;
        _addError = null;
        var query = new NewSuiteQuery(_newQuery ?? "", (_newExpected ?? "").Split([',', ' ', '，'], StringSplitOptions.RemoveEmptyEntries), _newLocale);
        try
        {
            await Scopes.RunAsync<RetrievalSuiteService, long>(s => s.AddQueryAsync(_suite.Id, query));
            _newQuery = _newExpected = null;
            await SelectAsync(_suite.Id);
        }
        catch (ValidationException ex)
        {
            _addError = T.WordRefusal(ex);
        }
    }

    private async Task RemoveAsync(SuiteQueryView query)
    {
        if (_suite is null) return;
        if (await Dialogs.ShowMessageBoxAsync(T["Suites.RemoveQuery"], T["Suites.RemoveQuery.Confirm", query.Query], yesText: T["Suites.Remove"], cancelText: T["Cancel"]) != true) return;
        await Scopes.RunAsync<RetrievalSuiteService, bool>(async s => { await s.RemoveQueryAsync(_suite.Id, query.Id); return true; });
        await SelectAsync(_suite.Id);
    }
}
