namespace PuoAiOps.Application.Profile;

/// <summary>What a user sees and edits about themselves on the profile page.</summary>
public sealed record UserProfile(string UserId, string Email, string DisplayName, string? PreferredCulture,
    DateTime CreatedAtUtc, IReadOnlyList<string> Roles);

/// <summary>The fields a user may change about themselves. A null culture means "follow the browser".</summary>
public sealed record ProfileChange(string? DisplayName, string? PreferredCulture);

/// <summary>Why a field was refused; the page words it in the reader's language.</summary>
public enum ProfileError
{
    DisplayNameRequired,
    DisplayNameTooLong,
    DisplayNameHasControlCharacters,
    CultureNotSupported,
}

/// <summary>The outcome of a save: the refused fields, or the profile as stored.</summary>
public sealed record ProfileSaveResult(UserProfile? Profile, IReadOnlyDictionary<string, ProfileError> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Profile is not null;
}
