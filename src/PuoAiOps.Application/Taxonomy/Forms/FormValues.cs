namespace PuoAiOps.Application.Taxonomy.Forms;

/// <summary>Normalising form text: browsers send CRLF, blank fields and stray spaces.</summary>
internal static class FormValues
{
    public static string Trim(string? value) => value?.Trim() ?? "";

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Multi-line text with LF line ends and no surrounding blank space.</summary>
    public static string Text(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Null when <paramref name="entered"/> equals <paramref name="current"/> (after normalising), else the new text.</summary>
    public static string? Changed(string? entered, string current)
    {
        var text = Text(entered);
        return text == Text(current) ? null : text;
    }

    /// <summary>Non-empty lines, trimmed.</summary>
    public static List<string> Lines(string? value) =>
        (value ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Keywords separated by commas (ASCII or full-width), the enumeration comma or new lines.</summary>
    public static List<string> Keywords(string? value) =>
        (value ?? "").Split([',', '，', '\n', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Names per locale without the empty ones.</summary>
    public static Dictionary<string, string> CleanNames(IReadOnlyDictionary<string, string>? names) =>
        (names ?? new Dictionary<string, string>()).Where(n => !string.IsNullOrWhiteSpace(n.Key) && !string.IsNullOrWhiteSpace(n.Value))
            .ToDictionary(n => n.Key.Trim(), n => n.Value.Trim(), StringComparer.Ordinal);

    /// <summary>The locales whose entered name differs from the current one; "" for a locale that was cleared.</summary>
    public static Dictionary<string, string> ChangedNames(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string>? entered)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (locale, value) in entered ?? new Dictionary<string, string>())
        {
            var name = Trim(value);
            var before = current.GetValueOrDefault(locale, "");
            if (name != before && !(name.Length == 0 && before.Length == 0)) changes[locale.Trim()] = name;
        }
        return changes;
    }
}
