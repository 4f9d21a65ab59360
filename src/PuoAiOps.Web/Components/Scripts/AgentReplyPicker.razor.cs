using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Application.Scripts.AgentReplies;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Scripts;

public partial class AgentReplyPicker
{
    private MudTable<AgentReplyRowView>? _table;
    private HashSet<AgentReplyRowView> _picked = [];
    private string? _search;
    private string? _locale;
    private bool _uploading;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The ids of the ticked replies, oldest first (how they are joined into one answer).</summary>
    [Parameter] public EventCallback<IReadOnlyList<long>> PickedChanged { get; set; }

    private async Task<TableData<AgentReplyRowView>> LoadAsync(TableState state, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<AgentReplyQueries>()
            .SearchAsync(_search, _locale, null, state.Page * state.PageSize, state.PageSize, ct);
        return new TableData<AgentReplyRowView> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task PickedChangedAsync(HashSet<AgentReplyRowView> picked)
    {
        if (picked.Count > ScriptStandardizeService.MaxPickedReplies)
        {
            Snackbar.Add(T["Replies.TooMany", ScriptStandardizeService.MaxPickedReplies], Severity.Warning);
            picked = [.. picked.OrderBy(r => r.Id).Take(ScriptStandardizeService.MaxPickedReplies)];
        }
        _picked = picked;
        await PickedChanged.InvokeAsync([.. _picked.Select(r => r.Id).Order()]);
    }

    private Task SearchChangedAsync(string? text)
    {
        _search = text;
        return ReloadAsync();
    }

    private Task LocaleChangedAsync(string? locale)
    {
        _locale = locale;
        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_table is not null) await _table.ReloadServerData();
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null) return;
        if (file.Size > AgentReplyImporter.MaxFileBytes)
        {
            Snackbar.Add(T["Replies.TooLarge", AgentReplyImporter.MaxFileBytes / 1024 / 1024], Severity.Error);
            return;
        }
        _uploading = true;
        try
        {
            var actor = (await AuthenticationState).User.ToActor();
            await using var stream = file.OpenReadStream(AgentReplyImporter.MaxFileBytes);
            await using var scope = Scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AgentReplyImporter>().ImportAsync(stream, file.Name, actor);
            Snackbar.Add(T["Replies.Imported", result.Imported, result.WithoutIntent], Severity.Success);
            await ReloadAsync();
        }
        catch (ValidationException ex)
        {
            // A coded field message is worded in the reader's language; the file's line errors are the reader's English.
            var worded = ApplicationErrorMapping.From(ex)!.Worded(T.Word);
            var lines = worded.Errors.SelectMany(e => e.Value).DefaultIfEmpty(worded.Title).Take(3);
            Snackbar.Add(T["Replies.Refused", string.Join(" · ", lines)], Severity.Error);
        }
        catch (ForbiddenException ex)
        {
            Snackbar.Add(T["Error.ForbiddenException", T.WordRefusal(ex)], Severity.Error);
        }
        finally
        {
            _uploading = false;
        }
    }
}
