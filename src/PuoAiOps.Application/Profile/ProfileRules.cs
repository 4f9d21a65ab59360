namespace PuoAiOps.Application.Profile;

/// <summary>
/// The rules for the fields of <see cref="ProfileChange"/>, shared by the service (which enforces them)
/// and the form (which shows them at the field before anything is sent).
/// </summary>
public static class ProfileRules
{
    public const string DisplayNameField = nameof(ProfileChange.DisplayName);
    public const string CultureField = nameof(ProfileChange.PreferredCulture);

    /// <summary>Long enough for a full name in any script, short enough for the app bar and tables.</summary>
    public const int MaxDisplayNameLength = 80;

    public static ProfileError? CheckDisplayName(string? displayName)
    {
        var trimmed = displayName?.Trim() ?? "";
        if (trimmed.Length == 0) return ProfileError.DisplayNameRequired;
        if (trimmed.Length > MaxDisplayNameLength) return ProfileError.DisplayNameTooLong;
        // A name is shown in other people's pages and exports: no line breaks or invisible controls.
        if (trimmed.Any(char.IsControl)) return ProfileError.DisplayNameHasControlCharacters;
        return null;
    }

    public static ProfileError? CheckCulture(string? culture) =>
        culture is null || ConsoleCultures.Normalize(culture) is not null ? null : ProfileError.CultureNotSupported;

    public static Dictionary<string, ProfileError> Check(ProfileChange change)
    {
        var errors = new Dictionary<string, ProfileError>(StringComparer.Ordinal);
        if (CheckDisplayName(change.DisplayName) is { } nameError) errors[DisplayNameField] = nameError;
        if (CheckCulture(change.PreferredCulture) is { } cultureError) errors[CultureField] = cultureError;
        return errors;
    }
}
