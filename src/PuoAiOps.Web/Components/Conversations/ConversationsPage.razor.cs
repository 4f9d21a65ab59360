using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Conversations;

namespace PuoAiOps.Web.Components.Conversations;

public partial class ConversationsPage
{
    internal static readonly string[] Locales = ["en", "zh-CN"];
    internal static readonly string[] Channels = ["app", "web", "email"];

    private MudDataGrid<ConversationRow>? _grid;
    private WorkspaceTime _time = WorkspaceTime.Utc;
    private string? _text;
    private DateTime? _from;
    private DateTime? _to;
    private bool _includeTest;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "intent")] public string? Intent { get; set; }
    [SupplyParameterFromQuery(Name = "locale")] public string? Locale { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public string? Channel { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? Source { get; set; }
    [SupplyParameterFromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [SupplyParameterFromQuery(Name = "feedback")] public string? Feedback { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _time = await Clock.CurrentAsync();
        _from = ParseDay(From);
        _to = ParseDay(To);
        // Unknown values from a hand-edited link are dropped rather than matching nothing.
        if (Outcome is not null && !ConversationQuery.Outcomes.Contains(Outcome)) Outcome = null;
        if (Source is not null && !ConversationQuery.Sources.Contains(Source)) Source = null;
        if (Feedback is not null && !ConversationQuery.FeedbackKinds.Contains(Feedback)) Feedback = null;
        if (Locale is not null && !Locales.Contains(Locale)) Locale = null;
        if (Channel is not null && !Channels.Contains(Channel)) Channel = null;
    }

    internal static DateTime? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToDateTime(TimeOnly.MinValue) : null;

    private async Task<GridData<ConversationRow>> LoadAsync(GridState<ConversationRow> state, CancellationToken ct)
    {
        var query = new ConversationQuery
        {
            From = _from is { } f ? DateOnly.FromDateTime(f) : null,
            To = _to is { } t ? DateOnly.FromDateTime(t) : null,
            Intent = string.IsNullOrWhiteSpace(Intent) ? null : Intent.Trim(),
            Locale = Locale, Channel = Channel, Source = Source, Outcome = Outcome, Feedback = Feedback,
            Text = _text, IncludeTest = _includeTest, Page = state.Page, PageSize = state.PageSize,
        };
        await using var scope = Scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ConversationBrowser>().SearchAsync(query, ct);
        return new GridData<ConversationRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SetAsync(Action change)
    {
        change();
        return ReloadAsync();
    }

    private static string Short(string text) => text.Length <= 90 ? text : text[..90] + "…";
}
