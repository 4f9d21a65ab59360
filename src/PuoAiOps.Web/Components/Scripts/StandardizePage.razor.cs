using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Scripts;

public partial class StandardizePage
{
    private string? _answer;
    private string? _answerProblem;
    // New text is most likely in the reader's own language.
    private string _locale = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? ScriptLocales.Chinese : ScriptLocales.English;
    private string _channel = ScriptChannels.Im;
    private bool _modelAvailable;
    private bool _useModel = true;
    private bool _busy;
    private bool _triedSave;
    private StandardizedDraft? _result;
    private ScriptIntentChoice? _intent;
    private string? _title;
    private int _tab;
    private IReadOnlyList<long> _pickedReplies = [];

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        _modelAvailable = scope.ServiceProvider.GetRequiredService<ScriptStandardizeService>().CanUseModel;
    }

    private async Task StandardizeAsync()
    {
        var fromReplies = _tab == 1;
        if (fromReplies && _pickedReplies.Count == 0)
        {
            Snackbar.Add(T["Replies.PickFirst"], Severity.Warning);
            return;
        }
        if (!fromReplies)
        {
            _answerProblem = string.IsNullOrWhiteSpace(_answer) ? T["Standardize.AnswerRequired"].Value
                : _answer.Length > ScriptStandardizeService.MaxInputLength ? T["Problem.BodyTooLong", ScriptStandardizeService.MaxInputLength].Value : null;
            if (_answerProblem is not null) return;
        }
        _busy = true;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ScriptStandardizeService>();
            var useModel = _modelAvailable && _useModel;
            _result = fromReplies
                ? await service.FromAgentRepliesAsync(_pickedReplies, _locale, _channel, useModel)
                : await service.StandardizeAsync(_answer!, _locale, _channel, useModel);
        }
        catch (Exception ex) when (ex is ValidationException or NotFoundException)
        {
            Snackbar.Add(T["Error." + ex.GetType().Name, T.WordRefusal(ex)], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<IEnumerable<ScriptIntentChoice>> SearchIntentsAsync(string? text, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScriptDirectory>().IntentsAsync(text, 20, ct);
    }

    /// <summary>Saves the result as a new script's first draft (never approved here): a reviewer still approves it.</summary>
    private async Task SaveAsync()
    {
        _triedSave = true;
        if (_result is not { } r || _intent is null || DraftChecks.Title(_title) is not null) return;
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ToActor();
            await using var scope = Scopes.CreateAsyncScope();
            var saved = await scope.ServiceProvider.GetRequiredService<ScriptEditor>().CreateAsync(
                new NewScriptInput(_intent.Key, r.Locale, r.Channel, _title!, new DraftInput(r.Script.Body, r.Script.Variables)), actor);
            Snackbar.Add(T["Standardize.Saved"], Severity.Success);
            Navigation.NavigateTo($"/scripts/{saved.ScriptId}");
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenException or ConflictException or NotFoundException)
        {
            Snackbar.Add(T["Error." + ex.GetType().Name, T.WordRefusal(ex)], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
