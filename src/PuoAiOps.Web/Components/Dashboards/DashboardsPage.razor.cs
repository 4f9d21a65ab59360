using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Core.Metrics;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Metrics;
using PuoAiOps.Web.Metrics.Charts;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Dashboards;

public sealed partial class DashboardsPage
{
    private static readonly string[] HeadlineOrder = [MetricKeys.Accuracy, MetricKeys.Resolution, MetricKeys.Reuse, MetricKeys.FailureRecontact];

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<MetricsOptions> Options { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<MetricsText> T { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "locale")] private string? Locale { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] private string? Channel { get; set; }
    [SupplyParameterFromQuery(Name = "domain")] private string? Domain { get; set; }

    private DashboardQuery _query = default!;
    private FilterChoices _choices = new([], [], [], new Dictionary<string, string>());
    private IReadOnlyDictionary<string, string> _intentKeys = new Dictionary<string, string>();
    private OverviewView? _view;
    private object? _dailyChart, _weeklyChart;
    private string _grain = "daily";

    private IndicatorView? Confirmed => _view?.Headline.FirstOrDefault(i => i.Key == MetricKeys.ResolutionConfirmed);

    protected override async Task OnParametersSetAsync()
    {
        var today = Options.Value.Calendar.DayOf(Clock.GetUtcNow().UtcDateTime);
        _query = DashboardQuery.Parse(From, To, Locale, Channel, Domain, today);
        _view = null;
        (_choices, _view) = await Scopes.RunAsync(async services =>
        {
            var choices = await services.GetRequiredService<MetricsChoices>().FilterChoicesAsync();
            var view = await services.GetRequiredService<MetricsQueryService>().OverviewAsync(_query.ToFilter(choices.Domains));
            return (choices, view);
        });
        _intentKeys = _choices.IntentKeys;
        string Name(string key) => T["Metric." + key].Value;
        _dailyChart = TrendChart.Daily(_view.Daily, _view.Alerts, Name, T["Dash.AlertMark"].Value);
        _weeklyChart = TrendChart.Weekly(_view.Weekly, Name);
    }

    private Task ApplyAsync(DashboardQuery query)
    {
        Navigation.NavigateTo(query.ToUrl());
        return Task.CompletedTask;
    }

    private static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);
}
