using System.Text.RegularExpressions;

namespace PuoAiOps.Core.Taxonomy;

/// <summary>
/// A pointer into annotation-guides/: "payments.md" or "payments.md#recharge-failed". Only
/// relative Markdown paths inside the guides folder, so a reference can never escape it.
/// </summary>
public static partial class GuideReference
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9_\-]*(/[a-z0-9][a-z0-9_\-]*)*\.md(#[a-z0-9][a-z0-9_\-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Null when valid (or empty: the reference is optional), otherwise the reason.</summary>
    public static string? Validate(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        return Shape().IsMatch(reference)
            ? null
            : $"The guide reference '{reference}' must look like 'payments.md#recharge-failed' (a lower-case .md file in annotation-guides/, optional #anchor).";
    }

    public static string File(string reference) => reference.Split('#', 2)[0];

    public static string? Anchor(string reference) => reference.Split('#', 2) is [_, var anchor] ? anchor : null;
}
