using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Classification;

public sealed partial class ClassifierPage
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<ClassificationText> T { get; set; } = default!;
    [Inject] private AiChatClientProvider Ai { get; set; } = default!;
    [Inject] private IOptions<ClassifierOptions> Options { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private VersionsGrid? _grid;
    private IReadOnlyList<ModelVersionSummary> _versions = [];
    private IReadOnlyList<JobView> _jobs = [];
    private ModelVersionSummary? _serving;
    private ModelVersionSummary? _rollbackTarget;
    private TrainingDataSummary _data = new(0, 0, 0, 0);
    private bool _canPromote, _loaded, _busy;
    private int _offlineCount;
    private long _defaultA, _defaultB;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _canPromote = (await Authorization.AuthorizeAsync(user, Policies.Review)).Succeeded;
        await LoadAsync();
        _loaded = true;
    }

    private async Task LoadAsync()
    {
        await Scopes.RunAsync<bool>(async services =>
        {
            var registry = services.GetRequiredService<ModelRegistry>();
            _versions = await registry.ListAsync();
            _rollbackTarget = await registry.RollbackTargetAsync();
            _jobs = await services.GetRequiredService<ClassifierJobViews>().RecentAsync(CancellationToken.None);
            _data = await services.GetRequiredService<TrainingDataCounts>().SummaryAsync();
            return true;
        });
        _serving = _versions.FirstOrDefault(v => v.IsServing);
        if (_serving is null) _rollbackTarget = null;
        _offlineCount = _versions.Count(v => v.Kind == ModelKind.Offline);
        // Candidate: the newest version; baseline: what serves, or the version before the newest when that serves.
        _defaultB = _versions.Count > 0 ? _versions[0].Id : 0;
        _defaultA = _serving is { } s && s.Id != _defaultB ? s.Id : _versions.Count > 1 ? _versions[1].Id : 0;
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        if (_grid is not null) await _grid.ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadJobsAsync()
    {
        _jobs = await Scopes.RunAsync<ClassifierJobViews, IReadOnlyList<JobView>>(j => j.RecentAsync(CancellationToken.None));
        StateHasChanged();
    }

    private async Task JobFinishedAsync(JobSnapshot job)
    {
        var title = T["Job." + job.Kind].Value;
        Snackbar.Add(job.Status == JobStatus.Succeeded ? T["Job.Done", title].Value : T["Job.FailedNotice", title].Value,
            job.Status == JobStatus.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private Task TrainAsync(TrainInput input) =>
        QueueAsync((jobs, actor) => jobs.TrainAsync(input.ToRequest(Options.Value), actor));

    private Task BatchAsync() => QueueAsync((jobs, actor) => jobs.BatchClassifyAsync(actor));

    private Task EvaluateLlmAsync() => QueueAsync((jobs, actor) => jobs.EvaluateLlmAsync(null, actor));

    private async Task QueueAsync(Func<ClassifierJobService, Actor, Task<(BackgroundJob Job, bool Created)>> queue)
    {
        _busy = true;
        try
        {
            var actor = ConsoleActor.Of((await AuthenticationState).User);
            var (job, created) = await Scopes.RunAsync<ClassifierJobService, (BackgroundJob, bool)>(jobs => queue(jobs, actor));
            var title = T["Job." + job.Kind].Value;
            Snackbar.Add(created ? T["Job.Queued", title].Value : T["Job.AlreadyActive", title].Value, created ? Severity.Info : Severity.Warning);
            await ReloadJobsAsync();
        }
        catch (ValidationException ex)
        {
            Snackbar.Add(ex.Errors.ContainsKey("ai") ? T["Llm.NotConfigured"].Value : T.WordRefusal(ex), Severity.Error);
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(T["Forbidden"].Value, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PromoteAsync(ModelVersionSummary version)
    {
        if (!await VersionPromotion.ConfirmAsync(Dialogs, T, version)) return;
        _busy = true;
        try
        {
            await VersionPromotion.PromoteAsync(Scopes, Snackbar, T, ConsoleActor.Of((await AuthenticationState).User), version.Id);
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }

    private async Task RollbackAsync()
    {
        if (_rollbackTarget is not { } target) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Rollback.Title"], T["Rollback.Confirm", target.Name, target.Id].Value,
            yesText: T["Rollback"], cancelText: T["Cancel"]);
        if (confirmed != true) return;
        _busy = true;
        try
        {
            var actor = ConsoleActor.Of((await AuthenticationState).User);
            var back = await Scopes.RunAsync<ModelRegistry, ModelVersionSummary>(r => r.RollbackAsync(actor));
            Snackbar.Add(T["RolledBack", back.Name, back.Id].Value, Severity.Success);
        }
        catch (ValidationException)
        {
            Snackbar.Add(T["Rollback.NoPrevious"].Value, Severity.Error);
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(T["Forbidden"].Value, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }
}
