using System.Text;

namespace PuoAiOps.Application.Knowledge.Ingestion;

internal static class Slugs
{
    /// <summary>Lower-case letters and digits joined by hyphens, at most 128 characters ("Refund Policy.md" → "refund-policy").</summary>
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 128) slug = slug[..128].TrimEnd('-');
        return slug.Length == 0 ? "document" : slug;
    }
}
