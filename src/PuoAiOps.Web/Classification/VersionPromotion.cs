using Microsoft.Extensions.Localization;
using MudBlazor;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Classification;

/// <summary>
/// Promoting a model version from the console, as the versions list and a version's own page both offer it:
/// confirm in a dialog, promote in a scope of its own, say the outcome in a snackbar.
/// </summary>
internal static class VersionPromotion
{
    /// <summary>False when the reader cancelled the dialog.</summary>
    public static async Task<bool> ConfirmAsync(IDialogService dialogs, IStringLocalizer<ClassificationText> t, ModelVersionSummary version) =>
        await dialogs.ShowMessageBoxAsync(t["Promote.Title"], t["Promote.Confirm", version.Name, version.Id].Value,
            yesText: t["Promote"], cancelText: t["Cancel"]) == true;

    public static async Task PromoteAsync(
        IServiceScopeFactory scopes, ISnackbar snackbar, IStringLocalizer<ClassificationText> t, Actor actor, long versionId)
    {
        try
        {
            var promoted = await scopes.RunAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(versionId, actor));
            snackbar.Add(t["Promoted", promoted.Name, promoted.Id].Value, Severity.Success);
        }
        catch (NotFoundException)
        {
            snackbar.Add(t["Version.Gone"].Value, Severity.Error);
        }
        catch (ValidationException)
        {
            snackbar.Add(t["Promote.CannotServe"].Value, Severity.Error);
        }
        catch (ForbiddenException)
        {
            snackbar.Add(t["Forbidden"].Value, Severity.Error);
        }
    }
}
