using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Components.Shared.Keys;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Grading;

public sealed partial class GradingPage : IAsyncDisposable
{
    /// <summary>Weeks of the judge comparison.</summary>
    private const int JudgeDays = 56;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AssetPaths Paths { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private MessageWords Words { get; set; } = default!;
    [Inject] private IOptions<MetricsOptions> Options { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<MetricsText> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")] private string? PeriodQuery { get; set; }

    private List<string> _periods = [];
    private string _period = "";
    private GradingProgress? _progress;
    private GradingItem? _item;
    private JudgeComparison? _judge;
    private GradeVerdict? _verdict;
    private readonly HashSet<string> _reasons = new(StringComparer.Ordinal);
    private string? _note, _error;
    private int _size;
    private bool _loaded, _busy, _canGrade, _keysReady, _canJudge, _judgeAvailable, _judgeActive;
    private long? _judgeJob;
    private KeyListener? _keys;
    private Actor _actor = default!;

    private DateOnly Today => Options.Value.Calendar.DayOf(Clock.GetUtcNow().UtcDateTime);

    protected override async Task OnInitializedAsync()
    {
        _actor = ConsoleActor.Of((await AuthenticationState).User);
        // Admins may look at the queue, but grades come from reviewers (the service refuses anyone else).
        _canGrade = _actor.IsInRole(Roles.Reviewer);
        _canJudge = _actor.IsInAnyRole(Roles.Reviewer, Roles.Admin);
        _size = Options.Value.GradingSampleSize;
        var lastWeek = ReportingCalendar.IsoWeekOf(Today.AddDays(-7));
        var (periods, judge) = await Scopes.RunAsync<GradingOverview, (IReadOnlyList<GradingPeriod>, JudgeComparison)>(async o =>
            (await o.PeriodsAsync(), await o.JudgeAsync(Today.AddDays(-JudgeDays), Today.AddDays(-1))));
        _judge = judge;
        _judgeAvailable = await Scopes.RunAsync<JudgeJobService, bool>(j => Task.FromResult(j.IsAvailable));
        _periods = periods.Select(p => p.Period).Append(lastWeek).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).ToList();
        // The oldest period with work left first; otherwise the newest.
        _period = PeriodQuery is { } asked && _periods.Contains(asked) ? asked
            : periods.Where(p => p.Graded < p.Sampled).Select(p => p.Period).Order(StringComparer.Ordinal).FirstOrDefault() ?? _periods[0];
        await LoadPeriodAsync();
        _loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        var zones = new Dictionary<string, object[]> { ["page"] = ["1", "2", "3", "a", "b", "c", "d", "e", "f", "Enter"] };
        _keys = await KeyListener.StartAsync(JS, Paths, null, zones, OnKeyAsync);
        _keysReady = true;
        StateHasChanged();
    }

    private async Task LoadPeriodAsync()
    {
        (_progress, _item) = await Scopes.RunAsync<GradingService, (GradingProgress, GradingItem?)>(async g =>
            (await g.ProgressAsync(_period), _canGrade ? await g.NextAsync(_actor, _period) : null));
        ResetDraft();
    }

    private void ResetDraft()
    {
        _verdict = null;
        _reasons.Clear();
        _note = null;
        _error = null;
    }

    private async Task PeriodChangedAsync(string period)
    {
        _period = period;
        await LoadPeriodAsync();
    }

    private async Task DrawAsync()
    {
        _busy = true;
        try
        {
            var result = await Scopes.RunAsync<GradingService, GradingSampleResult>(g => g.DrawSampleAsync(_period, _size));
            Snackbar.Add(T["Grading.Drawn", result.Answers, result.Strata, result.GradedTwice].Value, Severity.Success);
            await LoadPeriodAsync();
        }
        catch (ValidationException)
        {
            Snackbar.Add(T["Grading.BadSize"].Value, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RunJudgeAsync()
    {
        try
        {
            var (job, created) = await Scopes.RunAsync<JudgeJobService, (BackgroundJob, bool)>(j => j.QueueAsync(_period, _actor));
            _judgeJob = job.Id;
            _judgeActive = true;
            if (!created) Snackbar.Add(T["Judge.AlreadyRunning"].Value, Severity.Info);
        }
        catch (ValidationException)
        {
            Snackbar.Add(T["Judge.Refused", _period].Value, Severity.Error);
        }
    }

    private async Task JudgeFinishedAsync(JobSnapshot job)
    {
        _judgeActive = false;
        Snackbar.Add(job.Status == JobStatus.Succeeded ? T["Judge.Finished", _period].Value : T["Judge.Failed", Words.Job(job)].Value,
            job.Status == JobStatus.Succeeded ? Severity.Success : Severity.Error);
        _judge = await Scopes.RunAsync<GradingOverview, JudgeComparison>(o => o.JudgeAsync(Today.AddDays(-JudgeDays), Today.AddDays(-1)));
    }

    private Task OnKeyAsync(KeyPress press) => InvokeAsync(async () =>
    {
        if (_item is null || _busy || !_canGrade) return;
        switch (press.Key)
        {
            case "1": SetVerdict(GradeVerdict.Correct); break;
            case "2": SetVerdict(GradeVerdict.Partial); break;
            case "3": SetVerdict(GradeVerdict.Incorrect); break;
            case "Enter": await SubmitAsync(); break;
            default:
                var index = press.Key[0] - 'a';
                if (index >= 0 && index < GradeReasons.All.Count) ToggleReason(GradeReasons.All[index]);
                break;
        }
        StateHasChanged();
    });

    private void SetVerdict(GradeVerdict verdict)
    {
        _verdict = verdict;
        _error = null;
        // A correct answer takes no reasons.
        if (verdict == GradeVerdict.Correct) _reasons.Clear();
    }

    private void ToggleReason(string reason)
    {
        if (_verdict == GradeVerdict.Correct) return;
        if (!_reasons.Remove(reason)) _reasons.Add(reason);
        _error = null;
    }

    private async Task SubmitAsync()
    {
        if (_item is null || _busy) return;
        if (_verdict is not { } verdict) { _error = T["Grading.ChooseVerdict"]; return; }
        if (verdict != GradeVerdict.Correct && _reasons.Count == 0) { _error = T["Grading.ChooseReason"]; return; }
        _busy = true;
        try
        {
            var item = _item;
            var reasons = GradeReasons.All.Where(_reasons.Contains).ToList();
            (_progress, _item) = await Scopes.RunAsync<GradingService, (GradingProgress, GradingItem?)>(async g =>
            {
                await g.SubmitAsync(_actor, item.AssignmentId, verdict, reasons, _note);
                return (await g.ProgressAsync(_period), await g.NextAsync(_actor, _period));
            });
            ResetDraft();
        }
        catch (ConflictException)
        {
            Snackbar.Add(T["Grading.Conflict"].Value, Severity.Warning);
            await LoadPeriodAsync();
        }
        catch (ValidationException)
        {
            _error = T["Grading.ChooseReason"];
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keys is not null) await _keys.DisposeAsync();
    }
}
