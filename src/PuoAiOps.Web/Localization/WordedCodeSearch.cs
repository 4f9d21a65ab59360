using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace PuoAiOps.Web.Localization;

/// <summary>
/// Which message codes read, in the reader's language, with a given word: for a search over rows that store a code
/// beside their English (the audit log), so a reader finds a row by the words the page shows. A code matches when
/// a fixed part of its wording (the text between its <c>{0}</c> placeholders) contains the term; what fills a
/// placeholder is an argument, searched where it is stored.
/// </summary>
public static partial class WordedCodeSearch
{
    /// <summary>The codes, as <c>&lt;enum&gt;.&lt;value&gt;</c>, of <paramref name="enums"/> whose wording contains the term.</summary>
    public static IReadOnlyList<string> Containing(IStringLocalizerFactory localizers, string? term, params Type[] enums)
    {
        ArgumentNullException.ThrowIfNull(localizers);
        var wanted = term?.Trim();
        if (string.IsNullOrEmpty(wanted)) return [];
        var codes = new List<string>();
        foreach (var type in enums)
        {
            if (!CodedMessageAreas.All.TryGetValue(type, out var area)) continue;
            var text = localizers.Create(area);
            foreach (var name in Enum.GetNames(type))
            {
                var key = $"{type.Name}.{name}";
                var worded = text[key];
                if (worded.ResourceNotFound) continue;
                if (Placeholder().Split(worded.Value).Any(part => part.Contains(wanted, StringComparison.CurrentCultureIgnoreCase))) codes.Add(key);
            }
        }
        return codes;
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
