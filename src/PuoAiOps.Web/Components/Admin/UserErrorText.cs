using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Admin;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Admin;

/// <summary>
/// Words a refusal of the user administration in the reader's language: by its code (ours or Identity's,
/// "UserError.&lt;code&gt;"), else the service's English message (an Identity rule this console does not word yet).
/// </summary>
public static class UserErrorText
{
    public static string Describe(IStringLocalizer<AdminText> text, string code, string? fallback = null)
    {
        var worded = code == UserErrors.PasswordTooShort
            ? text["UserError." + code, NewUserRules.MinPasswordLength]
            : text["UserError." + code];
        return worded.ResourceNotFound ? fallback ?? code : worded.Value;
    }

    public static IReadOnlyList<string> Describe(IStringLocalizer<AdminText> text, UserCommandResult result) =>
        result.Codes.Count == result.Errors.Count
            ? result.Codes.Select((code, i) => Describe(text, code, result.Errors[i])).ToList()
            : result.Errors;
}
