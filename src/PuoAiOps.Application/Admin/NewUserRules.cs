using System.ComponentModel.DataAnnotations;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// The field checks of the new-user form, as codes (<see cref="UserErrors"/>): the console shows them at the
/// field before sending; <see cref="UserAdminService"/> and Identity still decide (duplicate e-mail, password rules).
/// </summary>
public static class NewUserRules
{
    public const int MinPasswordLength = 10;
    public const int MinDisplayNameLength = 2;
    public const int MaxDisplayNameLength = 100;
    public const int MaxEmailLength = 256;

    private static readonly EmailAddressAttribute EmailFormat = new();

    public static string? CheckEmail(string? email)
    {
        var value = email?.Trim() ?? "";
        if (value.Length == 0) return UserErrors.EmailRequired;
        return value.Length > MaxEmailLength || !EmailFormat.IsValid(value) ? UserErrors.EmailInvalid : null;
    }

    public static string? CheckDisplayName(string? name)
    {
        var length = name?.Trim().Length ?? 0;
        return length is < MinDisplayNameLength or > MaxDisplayNameLength ? UserErrors.DisplayNameLength : null;
    }

    public static string? CheckRole(string? role) =>
        string.IsNullOrWhiteSpace(role) ? UserErrors.RoleRequired : Roles.Parse(role) is null ? UserErrors.UnknownRole : null;

    public static string? CheckPassword(string? password) =>
        (password?.Length ?? 0) < MinPasswordLength ? UserErrors.PasswordTooShort : null;

    public static string? CheckConfirmation(string? password, string? confirmation) =>
        string.Equals(password, confirmation, StringComparison.Ordinal) ? null : UserErrors.PasswordsDiffer;

    /// <summary>Every failing field of <paramref name="input"/>, by property name.</summary>
    public static IReadOnlyDictionary<string, string> Check(NewUserInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, string? code) { if (code is not null) errors[field] = code; }
        Add(nameof(NewUserInput.Email), CheckEmail(input.Email));
        Add(nameof(NewUserInput.DisplayName), CheckDisplayName(input.DisplayName));
        Add(nameof(NewUserInput.Role), CheckRole(input.Role));
        Add(nameof(NewUserInput.Password), CheckPassword(input.Password));
        Add(nameof(NewUserInput.ConfirmPassword), CheckConfirmation(input.Password, input.ConfirmPassword));
        return errors;
    }

    /// <summary>The form field an error code belongs to (Identity's codes included), or null for a general one.</summary>
    public static string? FieldOf(string code) => code switch
    {
        UserErrors.EmailRequired or UserErrors.EmailInvalid or "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => nameof(NewUserInput.Email),
        UserErrors.DisplayNameLength => nameof(NewUserInput.DisplayName),
        UserErrors.RoleRequired or UserErrors.UnknownRole => nameof(NewUserInput.Role),
        UserErrors.PasswordsDiffer => nameof(NewUserInput.ConfirmPassword),
        _ when code.StartsWith("Password", StringComparison.Ordinal) => nameof(NewUserInput.Password),
        _ => null,
    };
}
