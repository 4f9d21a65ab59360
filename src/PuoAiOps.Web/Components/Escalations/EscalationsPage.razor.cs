using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Conversations;
using PuoAiOps.Web.Components.Shared.Keys;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Escalations;

public sealed partial class EscalationsPage : IAsyncDisposable
{
    private MudDataGrid<EscalationRow>? _grid;
    private EscalationPanel? _panel;
    private WorkspaceTime _time = WorkspaceTime.Utc;
    private EscalationCounts? _counts;
    private IReadOnlyList<EscalationHandler> _handlers = [];
    private IReadOnlyList<EscalationReasonChoice> _reasons = [];
    private IReadOnlyList<EscalationRow> _rows = [];
    private long? _selected;
    private bool _canHandle;
    private string? _userId;
    private string? _error;
    private DateTime? _from;
    private DateTime? _to;
    private DateTime _now = DateTime.UtcNow;
    private KeyListener? _keys;
    private bool _keysReady;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AssetPaths Paths { get; set; } = default!;
    [Inject] private MessageWords Words { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "assignee")] public string? Assignee { get; set; }
    [SupplyParameterFromQuery(Name = "reason")] public string? Reason { get; set; }
    [SupplyParameterFromQuery(Name = "intent")] public string? Intent { get; set; }
    [SupplyParameterFromQuery(Name = "locale")] public string? Locale { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public string? Channel { get; set; }

    private IEnumerable<(string Status, int? Count)> Tabs =>
    [
        (string.Empty, _counts?.All), ("open", _counts?.Open), ("assigned", _counts?.Assigned), ("closed", _counts?.Closed),
    ];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.UserId();
        _canHandle = user.ToActor().IsInAnyRole([.. EscalationLimits.HandlerRoles]);
        _time = await Clock.CurrentAsync();
        // Unknown values from a hand-edited link are dropped rather than matching nothing.
        if (Status is not null && !EscalationLimits.Statuses.Contains(Status)) Status = null;
        if (Locale is not null && !ConversationsPage.Locales.Contains(Locale)) Locale = null;
        if (Channel is not null && !ConversationsPage.Channels.Contains(Channel)) Channel = null;
        (_handlers, _reasons) = await Scopes.RunAsync<EscalationQueue, (IReadOnlyList<EscalationHandler>, IReadOnlyList<EscalationReasonChoice>)>(async q =>
            (await q.HandlersAsync(), await q.ReasonsAsync()));
    }

    /// <summary>A reason in the reader's language (the filter's value stays the stored English).</summary>
    private string ReasonText(string? reason) =>
        reason is null ? "" : _reasons.FirstOrDefault(r => r.Reason == reason) is { Code: { } code } ? Words.Word(code) : reason;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        var zones = new Dictionary<string, object[]> { ["page"] = ["j", "k", "t", new KeyRule("c", "#escalation-note")] };
        _keys = await KeyListener.StartAsync(JS, Paths, null, zones, OnKeyAsync);
        _keysReady = true;
        StateHasChanged();
    }

    private EscalationFilter Filter(GridState<EscalationRow>? state) => new()
    {
        Status = Status, Assignee = Assignee, Reason = Reason, Locale = Locale, Channel = Channel,
        Intent = string.IsNullOrWhiteSpace(Intent) ? null : Intent.Trim(),
        From = _from is { } f ? DateOnly.FromDateTime(f) : null,
        To = _to is { } t ? DateOnly.FromDateTime(t) : null,
        Sort = state?.SortDefinitions.FirstOrDefault() is { } s ? SortOf(s.SortBy, s.Descending) : null,
        Page = state?.Page ?? 0, PageSize = state?.PageSize ?? 25,
    };

    private static string? SortOf(string column, bool descending) => column switch
    {
        nameof(EscalationRow.CreatedAt) => descending ? "-created" : "created",
        nameof(EscalationRow.Reason) => "reason",
        nameof(EscalationRow.Status) => "status",
        _ => null,
    };

    private async Task<GridData<EscalationRow>> LoadAsync(GridState<EscalationRow> state, CancellationToken ct)
    {
        var filter = Filter(state);
        _now = Time.GetUtcNow().UtcDateTime;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<EscalationQueue>();
            var page = await queue.SearchAsync(filter, _userId, ct);
            var counts = await queue.CountsAsync(filter, _userId, ct);
            _rows = page.Rows;
            var hadError = _error is not null;
            _error = null;
            // The chips live outside the grid: render them again, but only when a count moved (or an
            // error went away), so a render that makes the grid load again cannot loop.
            if (counts != _counts || hadError)
            {
                _counts = counts;
                _ = InvokeAsync(StateHasChanged);
            }
            return new GridData<EscalationRow> { Items = page.Rows, TotalItems = page.Total };
        }
        catch (ValidationException ex)
        {
            var error = T.WordRefusal(ex);
            if (error != _error) _ = InvokeAsync(StateHasChanged);
            (_error, _rows) = (error, []);
            return new GridData<EscalationRow> { Items = [], TotalItems = 0 };
        }
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>After an action or the refresh button: the list, the counts and the open case again.</summary>
    private async Task RefreshAsync()
    {
        await ReloadAsync();
        if (_panel is not null) await _panel.LoadAsync();
    }

    private Task SetAsync(Action change)
    {
        change();
        return ReloadAsync();
    }

    private Task SelectAsync(EscalationRow row)
    {
        _selected = row.Id;
        return Task.CompletedTask;
    }

    private async Task OnKeyAsync(KeyPress press)
    {
        switch (press.Key)
        {
            case "j" or "k":
                if (_rows.Count == 0) return;
                var at = _rows.ToList().FindIndex(r => r.Id == _selected);
                var next = press.Key == "j" ? Math.Min(at + 1, _rows.Count - 1) : Math.Max(at - 1, 0);
                _selected = _rows[next].Id;
                break;
            case "t" when _panel is not null:
                await _panel.TakeAsync();
                break;
            default:
                return;
        }
        await InvokeAsync(StateHasChanged);
    }

    private string RowClass(EscalationRow row, int index) =>
        (row.Id == _selected ? "escalation-selected " : "") + "escalation-row";

    private string Age(EscalationRow row)
    {
        var age = (row.ClosedAt ?? _now) - row.CreatedAt;
        return age.TotalHours < 1 ? T["Age.Minutes", Math.Max(0, (int)age.TotalMinutes)]
            : age.TotalDays < 2 ? T["Age.Hours", (int)age.TotalHours]
            : T["Age.Days", (int)age.TotalDays];
    }

    /// <summary>Closed cases are grey; a waiting case turns amber at half the overdue time and red past it.</summary>
    private string AgeTone(EscalationRow row)
    {
        if (row.Status == "closed") return "disabled";
        var age = _now - row.CreatedAt;
        return age >= EscalationLimits.OverdueAfter ? "rejected" : age >= EscalationLimits.OverdueAfter / 2 ? "pending" : "active";
    }

    internal static string StatusTone(string status) => status switch
    {
        "open" => "pending",
        "assigned" => "info",
        _ => "disabled",
    };

    private static string Short(string text) => text.Length <= 70 ? text : text[..70] + "…";

    public async ValueTask DisposeAsync()
    {
        if (_keys is not null) await _keys.DisposeAsync();
    }
}
