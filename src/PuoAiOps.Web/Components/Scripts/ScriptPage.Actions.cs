using System.Globalization;
using MudBlazor;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Scripts;

// The page's commands: each runs in its own scope, words the outcome from the resources and reloads.
public partial class ScriptPage
{
    private async Task SaveAsync(DraftModel model)
    {
        var versionChanged = model.VersionDiffers(_saved) || Open is not null;
        var detailsChanged = model.DetailsDiffer(_saved);
        if (!versionChanged && !detailsChanged)
        {
            Snackbar.Add(T["Draft.NothingChanged"], Severity.Info);
            return;
        }
        await RunAsync(async services =>
        {
            if (detailsChanged)
                await services.GetRequiredService<ScriptEditor>().UpdateDetailsAsync(Id, model.Title, model.TagList(), _details!.Script.OwnerId, _actor);
            if (!versionChanged)
            {
                Snackbar.Add(T["Draft.DetailsSaved"], Severity.Success);
                return;
            }
            var result = await services.GetRequiredService<ScriptEditor>().SaveDraftAsync(Id, model.ToDraft(EditStamp), _actor);
            Announce(result, model);
        });
    }

    /// <summary>Hands the script to another owner; unsaved edits of the draft stay in the form.</summary>
    private async Task ChangeOwnerAsync(string ownerId) =>
        await RunAsync(async services =>
        {
            if (await services.GetRequiredService<ScriptEditor>().ChangeOwnerAsync(Id, ownerId, _actor))
                Snackbar.Add(T["Owner.Changed", _owners.FirstOrDefault(p => p.Id == ownerId)?.DisplayName ?? "—"], Severity.Success);
        }, keepModel: true);

    private void Announce(SaveResult result, DraftModel sent)
    {
        if (result.Outcome == SaveOutcome.Conflict)
        {
            (_conflict, _mine) = (result, sent.Copy());
            Snackbar.Add(T["Conflict.Snack"], Severity.Warning);
            return;
        }
        var errors = result.Findings.Count(f => f.Severity == LintSeverity.Error);
        Snackbar.Add(T["Draft.Saved", result.Number, errors, result.Findings.Count - errors], errors > 0 ? Severity.Warning : Severity.Success);
    }

    /// <summary>Save this curator's text over the other save, from the stamp the conflict returned.</summary>
    private async Task KeepMineAsync()
    {
        if (_conflict is not { } conflict || _mine is not { } mine) return;
        var sure = await Dialogs.ShowMessageBoxAsync(T["Conflict.KeepMine"], T["Conflict.KeepMine.Confirm"], yesText: T["Conflict.KeepMine"], cancelText: T["Cancel"]);
        if (sure != true) return;
        _conflict = null;
        await RunAsync(async services =>
            Announce(await services.GetRequiredService<ScriptEditor>().SaveDraftAsync(Id, mine.ToDraft(conflict.Stamp), _actor), mine));
    }

    /// <summary>Continue from the stored text; the conflict view keeps showing this curator's text until closed.</summary>
    private async Task TakeTheirsAsync() => await LoadAsync();

    private Task SubmitAsync() => Open is { } v
        ? RunAsync(async s => { await s.GetRequiredService<ScriptReview>().SubmitAsync(v.Id, v.Stamp, _actor); Snackbar.Add(T["Review.Submitted", v.Number], Severity.Success); })
        : Task.CompletedTask;

    private async Task WithdrawAsync()
    {
        if (Open is not { } v || !await ConfirmAsync("Review.Withdraw", "Review.Withdraw.Confirm", v.Number)) return;
        await RunAsync(async s => { await s.GetRequiredService<ScriptReview>().WithdrawAsync(v.Id, v.Stamp, _actor); Snackbar.Add(T["Review.Withdrawn", v.Number], Severity.Info); });
    }

    private async Task ApproveAsync(string? note)
    {
        if (Open is not { } v) return;
        var dated = v.EffectiveFrom is { } from && from > DateTime.UtcNow;
        if (!await ConfirmAsync("Review.Approve", dated ? "Review.Approve.ConfirmDated" : "Review.Approve.Confirm", v.Number, v.EffectiveFrom?.ToString("D", CultureInfo.CurrentCulture) ?? "")) return;
        await RunAsync(async s => { await s.GetRequiredService<ScriptReview>().ApproveAsync(v.Id, v.Stamp, _actor, note); Snackbar.Add(T["Review.Approved", v.Number], Severity.Success); });
    }

    private async Task RejectAsync(string note)
    {
        if (Open is not { } v || !await ConfirmAsync("Review.Reject", "Review.Reject.Confirm", v.Number)) return;
        await RunAsync(async s => { await s.GetRequiredService<ScriptReview>().RejectAsync(v.Id, v.Stamp, _actor, note); Snackbar.Add(T["Review.Rejected", v.Number], Severity.Info); });
    }

    private Task CommentAsync(string body)
    {
        var version = Open ?? Newest;
        return version is null ? Task.CompletedTask
            : RunAsync(async s => { await s.GetRequiredService<ScriptReview>().CommentAsync(version.Id, body, _actor); Snackbar.Add(T["Comments.Added"], Severity.Success); });
    }

    private async Task RetireAsync()
    {
        if (!await ConfirmAsync("Script.Retire", "Script.Retire.Confirm")) return;
        await RunAsync(async s => { await s.GetRequiredService<ScriptReview>().RetireAsync(Id, _actor); Snackbar.Add(T["Script.Retired"], Severity.Info); });
    }

    private async Task<bool> ConfirmAsync(string titleKey, string messageKey, params object[] args) =>
        await Dialogs.ShowMessageBoxAsync(T[titleKey], T[messageKey, args], yesText: T[titleKey], cancelText: T["Cancel"]) == true;

    /// <summary>Runs one command in its own scope; a refusal is shown (the service's words as the detail) and the script reloaded.</summary>
    private async Task RunAsync(Func<IServiceProvider, Task> work, bool keepModel = false)
    {
        _busy = true;
        var refused = false;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            await work(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenException or ConflictException or NotFoundException)
        {
            refused = true;
            Snackbar.Add(T["Error." + ex.GetType().Name, T.WordRefusal(ex)], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        // A refused command keeps what the curator typed; the rest of the page shows the stored state.
        await LoadAsync(keepModel: refused || keepModel);
    }
}
