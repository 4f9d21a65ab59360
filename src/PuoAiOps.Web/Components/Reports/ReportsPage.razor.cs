using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Metrics;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Reports;

public sealed partial class ReportsPage
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private MessageWords Words { get; set; } = default!;
    [Inject] private IStringLocalizer<MetricsText> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<ReportSummary>? _reports;
    private bool _canGenerate, _jobActive;
    private long? _jobId;
    private string _jobTitle = "";

    private static string Language => ReportLinks.LanguageOf(CultureInfo.CurrentUICulture);

    protected override async Task OnInitializedAsync()
    {
        _canGenerate = (await Authorization.AuthorizeAsync((await AuthenticationState).User, Policies.ContentArea)).Succeeded;
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _reports = await Scopes.RunAsync<ReportService, IReadOnlyList<ReportSummary>>(r => r.ListAsync(limit: 500));

    private Task QueuedAsync((long JobId, string Title) job)
    {
        _jobId = job.JobId;
        _jobTitle = job.Title;
        _jobActive = true;
        return Task.CompletedTask;
    }

    private async Task FinishedAsync(JobSnapshot job)
    {
        Snackbar.Add(job.Status == JobStatus.Succeeded ? T["Reports.Done", _jobTitle].Value : T["Reports.Failed", _jobTitle, Words.Job(job)].Value,
            job.Status == JobStatus.Succeeded ? Severity.Success : Severity.Error);
        // The finished job's bar stays, showing how it ended; the button is free again.
        _jobActive = false;
        await LoadAsync();
        StateHasChanged();
    }

    private static string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);
}
