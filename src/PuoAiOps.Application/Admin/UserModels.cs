using System.ComponentModel.DataAnnotations;

namespace PuoAiOps.Application.Admin;

/// <summary>A console user as the admin pages and the API show it (never the password hash or stamps).</summary>
public sealed record UserSummary(
    string Id, string Email, string DisplayName, string? Role, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt, bool IsDemo);

/// <summary>
/// Outcome of a user-administration command: success, or messages (English, for the API and the CLI)
/// with one code per message (<see cref="UserErrors"/> or Identity's own codes, for the console to word).
/// </summary>
public sealed record UserCommandResult(bool Succeeded, IReadOnlyList<string> Errors, string? UserId = null)
{
    public IReadOnlyList<string> Codes { get; init; } = [];

    public static UserCommandResult Ok(string userId) => new(true, [], userId);

    public static UserCommandResult Fail(params string[] errors) => new(false, errors);

    public static UserCommandResult Refuse(string code, string message) => new(false, [message]) { Codes = [code] };
}

/// <summary>Fields of the create-user and first-admin forms, and of `puo users add` (which checks only what the service checks).</summary>
public sealed class NewUserInput
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, StringLength(100, MinimumLength = 2)]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";

    [Required, StringLength(128, MinimumLength = 10, ErrorMessage = "The password must have at least 10 characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Repeat the password.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Checked by the service (the first-admin form has no role: it is always Admin).</summary>
    public string Role { get; set; } = "";
}
