using System.Text;

namespace PuoAiOps.Core.Scripts;

/// <summary>One <c>{{...}}</c> in a script body. <see cref="End"/> is exclusive; <see cref="Name"/> is empty when malformed.</summary>
public readonly record struct Placeholder(int Start, int End, string Raw, string Name, bool IsWellFormed);

/// <summary>
/// Finds <c>{{name}}</c> placeholders. A well-formed name is snake case (<c>[a-z][a-z0-9_]*</c>,
/// spaces inside the braces allowed). Anything else between braces, or an opening <c>{{</c> with no
/// closing one, is reported as malformed so the linter can point at it.
/// </summary>
public static class ScriptPlaceholders
{
    private const int MaxNameLength = 64;

    public static IReadOnlyList<Placeholder> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var found = new List<Placeholder>();
        var i = 0;
        while (i < body.Length)
        {
            var open = body.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0) break;
            var close = body.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nextOpen = body.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close) || body.AsSpan(open + 2, close - open - 2).Contains('\n'))
            {
                // Unclosed: mark the two braces only, and keep scanning after them.
                found.Add(new Placeholder(open, open + 2, "{{", "", false));
                i = open + 2;
                continue;
            }
            var raw = body[(open + 2)..close];
            var name = raw.Trim();
            found.Add(new Placeholder(open, close + 2, raw, IsValidName(name) ? name : "", IsValidName(name)));
            i = close + 2;
        }
        return found;
    }

    /// <summary>The distinct well-formed names, in order of first use.</summary>
    public static IReadOnlyList<string> Names(string body) =>
        Parse(body).Where(p => p.IsWellFormed).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();

    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || !char.IsAsciiLetterLower(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_') return false;
        return true;
    }

    /// <summary>
    /// The snake-case name for a free-form placeholder as imported data writes it
    /// (<c>{{Order Number Anonymized}}</c> → <c>order_number</c>); empty when nothing usable is left.
    /// </summary>
    public static string ToVariableName(string raw)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in raw.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        // Anonymisation markers say how the data set was made, not what the value is.
        words.RemoveAll(w => w is "anonymized" or "anonymised" or "redacted" or "placeholder");
        var name = string.Join('_', words);
        if (name.Length > 0 && !char.IsAsciiLetterLower(name[0])) name = "v_" + name;
        return name.Length > MaxNameLength ? name[..MaxNameLength].TrimEnd('_') : name;
    }
}
