namespace PuoAiOps.Web.Components.Profile;

/// <summary>The values the profile form edits; <see cref="Culture"/> is empty for "follow the browser".</summary>
public sealed class ProfileFormModel
{
    public string? DisplayName { get; set; }

    public string Culture { get; set; } = ProfileForm.BrowserChoice;
}
