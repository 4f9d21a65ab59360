namespace PuoAiOps.Application.Admin;

/// <summary>
/// Codes of the refusals <see cref="UserAdminService"/> and <see cref="NewUserRules"/> give, besides
/// Identity's own (<c>DuplicateEmail</c>, <c>PasswordTooShort</c>, ...), so a page can word them in its language.
/// </summary>
public static class UserErrors
{
    public const string LastAdmin = "LastAdmin";
    public const string NoSuchUser = "NoSuchUser";
    public const string RoleRequired = "RoleRequired";
    public const string UnknownRole = "UnknownRole";
    public const string EmailRequired = "EmailRequired";
    public const string EmailInvalid = "EmailInvalid";
    public const string DisplayNameLength = "DisplayNameLength";
    public const string PasswordTooShort = "PasswordTooShort";
    public const string PasswordsDiffer = "PasswordsDiffer";
    public const string SetupDone = "SetupDone";
}
