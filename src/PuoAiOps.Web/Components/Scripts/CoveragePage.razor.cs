using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Components.Scripts;

public partial class CoveragePage
{
    private CoverageReport? _coverage;
    private IReadOnlyList<StaleScript> _stale = [];
    private IReadOnlyList<NearDuplicate> _duplicates = [];
    private object? _chart;
    private bool _canEdit;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canEdit = (await AuthenticationState).User.ToActor().IsInAnyRole(Roles.Curator, Roles.Admin);
        await using var scope = Scopes.CreateAsyncScope();
        var insights = scope.ServiceProvider.GetRequiredService<ScriptInsights>();
        _coverage = await insights.CoverageAsync();
        _stale = await insights.StaleAsync();
        _duplicates = await insights.NearDuplicatesAsync();
        _chart = CoverageChart.Option(_coverage.Gaps, l => T.Locale(l));
    }

    /// <summary>What the chart shows, for screen readers: the KPI and the three most-asked gaps.</summary>
    private string ChartSummary => T["Coverage.ChartSummary", _coverage!.Gaps.Count,
        string.Join(", ", _coverage.Gaps.Take(3).Select(g => $"{g.IntentKey} ({T.Locale(g.Locale)}, {g.Questions.ToString("N0", CultureInfo.CurrentCulture)})"))];

    private string DuplicateTitle(NearDuplicate d) =>
        T["Duplicates.Pair", d.Keep.IntentKey, d.Merge.IntentKey, T.Locale(d.Keep.Locale), d.Similarity.ToString("P0", CultureInfo.CurrentCulture)];

    private string MergeSuggestion(NearDuplicate d) => d.SameIntent
        ? T["Duplicates.SameIntent", T.Channel(d.Keep.Channel), T.Channel(d.Merge.Channel)]
        : T["Duplicates.AcrossIntents", d.Keep.IntentKey, d.Merge.IntentKey];
}
