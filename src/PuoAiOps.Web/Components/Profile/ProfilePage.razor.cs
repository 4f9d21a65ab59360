using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PuoAiOps.Application.Profile;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Components.Profile;

public partial class ProfilePage
{
    /// <summary>Query flag carried over the reload that applies a new language, so the result is still announced.</summary>
    public const string SavedFlag = "saved";

    private UserProfile? _profile;
    private readonly ProfileFormModel _model = new();
    private IReadOnlyDictionary<string, ProfileError>? _errors;
    private bool _busy;
    private PuoAiOps.Application.Admin.WorkspaceTime _time = PuoAiOps.Application.Admin.WorkspaceTime.Utc;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = SavedFlag)] private bool Saved { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _time = await Clock.CurrentAsync();
        _profile = await WithProfilesAsync(async (profiles, userId) => await profiles.GetAsync(userId));
        if (_profile is null) return;
        _model.DisplayName = _profile.DisplayName;
        _model.Culture = _profile.PreferredCulture ?? ProfileForm.BrowserChoice;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || !Saved) return;
        Snackbar.Add(T["Saved"], Severity.Success);
        // Drop the flag so a later reload does not announce the save again.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(SavedFlag, (string?)null), replace: true);
    }

    private async Task SaveAsync(ProfileChange change)
    {
        _busy = true;
        try
        {
            var result = await WithProfilesAsync((profiles, userId) => profiles.SaveAsync(userId, change));
            if (result is null || !result.Succeeded)
            {
                _errors = result?.Errors;
                Snackbar.Add(T["SaveFailed"], Severity.Error);
                return;
            }
            _errors = null;
            var languageChanged = !string.Equals(_profile?.PreferredCulture, result.Profile!.PreferredCulture, StringComparison.Ordinal);
            _profile = result.Profile;
            if (languageChanged)
            {
                // A new language needs a new circuit: reload, and announce the save on the other side.
                Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(SavedFlag, true), forceLoad: true);
                return;
            }
            Snackbar.Add(T["Saved"], Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<T?> WithProfilesAsync<T>(Func<UserProfileService, string, Task<T>> work)
    {
        var userId = (await AuthenticationState).User.UserId();
        if (userId is null) return default;
        // A scope per operation: the circuit lives for hours, a DbContext should not.
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserProfileService>(), userId);
    }
}
