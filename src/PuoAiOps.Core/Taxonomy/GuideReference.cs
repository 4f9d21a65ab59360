using System.Text.RegularExpressions;
using PuoAiOps.Core.Messages;

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
    public static string? Validate(string? reference) => Problem(reference)?.English;

    /// <summary>The same check, the reason as a code with its arguments.</summary>
    public static CodedMessage? Problem(string? reference) =>
        string.IsNullOrEmpty(reference) || Shape().IsMatch(reference) ? null : CodedMessage.Of(TaxonomyKeyMessage.GuideReferenceShape, reference);

    public static string File(string reference) => reference.Split('#', 2)[0];

    public static string? Anchor(string reference) => reference.Split('#', 2) is [_, var anchor] ? anchor : null;
}
