using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Shared.Jobs;

public sealed partial class JobProgress : IDisposable
{
    [Inject] private IJobEvents Events { get; set; } = default!;
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IStringLocalizer<JobText> T { get; set; } = default!;
    [Inject] private MessageWords Words { get; set; } = default!;

    [Parameter, EditorRequired] public long JobId { get; set; }

    /// <summary>What the bar is for, for screen readers ("Training progress").</summary>
    [Parameter] public string? Label { get; set; }

    [Parameter] public string? Class { get; set; }

    /// <summary>Called once when the job succeeds or fails while the page follows it.</summary>
    [Parameter] public EventCallback<JobSnapshot> OnFinished { get; set; }

    private JobSnapshot? _state;
    private long _following;
    private bool _heardEvent;
    private IDisposable? _subscription;

    private string Percent => ((_state?.Progress ?? 0)).ToString("P0", CultureInfo.CurrentCulture);

    private Color BarColor => _state?.Status switch
    {
        JobStatus.Succeeded => Color.Success,
        JobStatus.Failed => Color.Error,
        _ => Color.Primary,
    };

    protected override async Task OnParametersSetAsync()
    {
        if (_following == JobId && _state is not null) return;
        _following = JobId;
        _heardEvent = false;
        _state = null;
        _subscription?.Dispose();
        // Subscribe before reading the row, so nothing between the read and the subscription is missed;
        // prerendering has no circuit to push to, so it reads only.
        if (RendererInfo.IsInteractive) _subscription = Events.Subscribe(JobId, OnEventAsync);
        JobSnapshot? row;
        await using (var scope = Scopes.CreateAsyncScope())
            row = await scope.ServiceProvider.GetRequiredService<JobQueue>().SnapshotAsync(JobId);
        // An event that arrived meanwhile is newer than the row.
        if (!_heardEvent) _state = row;
    }

    private Task OnEventAsync(JobEvent e) => InvokeAsync(async () =>
    {
        if (e.JobId != _following) return;
        _heardEvent = true;
        var wasActive = _state?.IsActive ?? true;
        _state = (_state ?? new JobSnapshot(e.JobId, e.Kind, JobStatus.Running, 0, null)).With(e);
        StateHasChanged();
        if (e.IsFinal && wasActive) await OnFinished.InvokeAsync(_state);
    });

    public void Dispose() => _subscription?.Dispose();
}
