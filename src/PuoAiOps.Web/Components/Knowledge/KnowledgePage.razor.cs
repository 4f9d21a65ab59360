using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Knowledge;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Knowledge;

public partial class KnowledgePage
{
    private const string Any = "";
    private const int MaxFiles = 20;

    private MudDataGrid<DocumentRow> _grid = default!;
    private DocumentFacets _facets = new([], [], []);
    private WorkspaceTime _time = WorkspaceTime.Utc;
    private DateOnly _today;
    private long _maxBytes;
    private string? _text;
    private string _locale = Any;
    private string _domain = Any;
    private string _owner = Any;
    private string _stale = Any;
    private bool _archived;
    private bool _anyFilter;
    private bool _canCurate;
    private bool _uploading;
    private List<UploadOutcome> _outcomes = [];
    private string? _syncFolder;
    private long? _syncJob;
    private bool _syncFinished;

    // The folder sync's command line, shown as code inside the help texts; its argument is named in the reader's language.
    private string IngestCommand => "puo kb ingest " + T["Cli.FolderArgument"];

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private MessageWords Words { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private sealed record UploadOutcome(string FileName, IngestResult? Result, string? Error);

    private string SizeLimit => (_maxBytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.CurrentCulture) + " MB";

    protected override async Task OnInitializedAsync()
    {
        _canCurate = await Authorization.AllowsAsync((await AuthenticationState).User, Policies.Curate);
        _time = await Clock.CurrentAsync();
        _today = await Clock.TodayAsync();
        _facets = await Scopes.RunAsync<DocumentCatalog, DocumentFacets>(c => c.FacetsAsync());
        _maxBytes = await Scopes.RunAsync<KnowledgeIngestionService, long>(i => Task.FromResult(i.MaxDocumentBytes));
        if (_canCurate)
        {
            _syncFolder = await Scopes.RunAsync<KnowledgeSyncJobService, string?>(s => Task.FromResult(s.Folder));
            // A sync started by anyone, still running or waiting, shows its progress here too.
            _syncJob = (await Scopes.RunAsync<KnowledgeSyncJobService, BackgroundJob?>(s => s.ActiveAsync()))?.Id;
        }
    }

    private async Task<GridData<DocumentRow>> LoadAsync(GridState<DocumentRow> state, CancellationToken ct)
    {
        var query = new DocumentQuery(_today, Blank(_locale), Blank(_domain), Blank(_owner), _stale switch { "stale" => true, "current" => false, _ => null }, Blank(_text),
            _archived);
        _anyFilter = query != new DocumentQuery(_today);
        var sort = state.SortDefinitions.FirstOrDefault();
        var by = sort?.SortBy switch
        {
            nameof(DocumentRow.Locale) => DocumentSort.Locale,
            nameof(DocumentRow.Domain) => DocumentSort.Domain,
            nameof(DocumentRow.Owner) => DocumentSort.Owner,
            nameof(DocumentRow.ReviewBy) => DocumentSort.ReviewBy,
            nameof(DocumentRow.UpdatedAt) => DocumentSort.Updated,
            _ => DocumentSort.Title,
        };
        var page = await Scopes.RunAsync<DocumentCatalog, DocumentListPage>(c => c.PageAsync(query, state.Page * state.PageSize, state.PageSize, by, sort?.Descending ?? false, ct));
        return new GridData<DocumentRow> { Items = page.Rows, TotalItems = page.Total };
    }

    /// <summary>
    /// Each file goes through the same ingestion as `puo kb ingest`, in its own transaction: a refused
    /// file (its reason from the service) does not stop the others.
    /// </summary>
    private async Task UploadAsync(IReadOnlyList<IBrowserFile>? files)
    {
        if (files is null || files.Count == 0) return;
        _uploading = true;
        _outcomes = [];
        StateHasChanged();
        var userId = (await AuthenticationState).User.UserId();
        foreach (var file in files)
            _outcomes.Add(await UploadOneAsync(file, userId));
        _uploading = false;
        var ok = _outcomes.Count(o => o.Error is null);
        Snackbar.Add(T["Upload.Done", ok, _outcomes.Count - ok], ok == _outcomes.Count ? Severity.Success : Severity.Warning);
        _facets = await Scopes.RunAsync<DocumentCatalog, DocumentFacets>(c => c.FacetsAsync());
        await _grid.ReloadServerData();
    }

    private async Task<UploadOutcome> UploadOneAsync(IBrowserFile file, string? userId)
    {
        // Checked before reading: a 50 MB file is refused without streaming it over the circuit.
        if (file.Size > _maxBytes)
            return new UploadOutcome(file.Name, null, T["Upload.TooLarge", (file.Size / 1024.0 / 1024.0).ToString("0.0", CultureInfo.CurrentCulture), SizeLimit]);
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(_maxBytes))
                await stream.CopyToAsync(buffer);
            var upload = new DocumentUpload(file.Name, buffer.ToArray(), "upload:" + file.Name, userId);
            var result = await Scopes.RunAsync<KnowledgeIngestionService, IngestResult>(i => i.IngestAsync(upload));
            return new UploadOutcome(file.Name, result, null);
        }
        catch (KnowledgeInputException ex)
        {
            return new UploadOutcome(file.Name, null, T.WordRefusal(ex));
        }
        catch (IOException)
        {
            return new UploadOutcome(file.Name, null, T["Upload.ReadFailed"]);
        }
    }

    /// <summary>Queues `puo kb ingest` of the server's sync folder as a job; its progress is pushed to the bar.</summary>
    private async Task SyncAsync()
    {
        var actor = (await AuthenticationState).User.ToActor();
        try
        {
            var (job, created) = await Scopes.RunAsync<KnowledgeSyncJobService, (BackgroundJob, bool)>(s => s.QueueAsync(actor));
            _syncJob = job.Id;
            _syncFinished = false;
            if (!created) Snackbar.Add(T["Sync.AlreadyRunning"], Severity.Info);
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenException)
        {
            Snackbar.Add(T.WordRefusal(ex), Severity.Error);
        }
    }

    private async Task SyncFinishedAsync(JobSnapshot job)
    {
        _syncFinished = true;
        Snackbar.Add(job.Status == JobStatus.Succeeded ? T["Sync.Done", Words.Job(job)].Value : T["Sync.Failed", Words.Job(job)].Value,
            job.Status == JobStatus.Succeeded ? Severity.Success : Severity.Error);
        _facets = await Scopes.RunAsync<DocumentCatalog, DocumentFacets>(c => c.FacetsAsync());
        await _grid.ReloadServerData();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private Task OnTextChanged(string? value) => Reload(() => _text = value);
    private Task OnLocaleChanged(string value) => Reload(() => _locale = value);
    private Task OnDomainChanged(string value) => Reload(() => _domain = value);
    private Task OnOwnerChanged(string value) => Reload(() => _owner = value);
    private Task OnStaleChanged(string value) => Reload(() => _stale = value);
    private Task OnArchivedChanged(bool value) => Reload(() => _archived = value);

    private async Task Reload(Action set)
    {
        set();
        await _grid.ReloadServerData();
    }
}
