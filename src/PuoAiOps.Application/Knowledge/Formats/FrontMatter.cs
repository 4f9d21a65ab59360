using System.Globalization;
using PuoAiOps.Application.Common.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PuoAiOps.Application.Knowledge.Formats;

/// <summary>
/// The YAML block between leading "---" lines of a Markdown file: title, slug, locale, owner,
/// domain, intents, tags, review_by (yyyy-MM-dd). Unknown keys are ignored.
/// </summary>
public sealed record FrontMatter
{
    public string? Title { get; init; }
    public string? Slug { get; init; }
    public string? Locale { get; init; }
    public string? Owner { get; init; }
    public string? Domain { get; init; }
    public IReadOnlyList<string> Intents { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateOnly? ReviewBy { get; init; }

    public static FrontMatter None { get; } = new();

    /// <summary>Splits off the front matter; the body is the rest of the text.</summary>
    public static (FrontMatter Meta, string Body) Split(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal)) return (None, text);
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak < 0 || text[..firstBreak].Trim() != "---") return (None, text);
        var end = text.IndexOf("\n---", firstBreak, StringComparison.Ordinal);
        if (end < 0) return (None, text);
        var yaml = text[(firstBreak + 1)..end];
        var after = text.IndexOf('\n', end + 4);
        var body = after < 0 ? "" : text[(after + 1)..];
        return (Parse(yaml), body);
    }

    private static FrontMatter Parse(string yaml)
    {
        Dictionary<string, object?>? map;
        try
        {
            map = SafeYaml.Deserialize<Dictionary<string, object?>>(new DeserializerBuilder().Build(), yaml);
        }
        catch (YamlException ex)
        {
            // A refusal (an anchor, an alias) stays coded so the page words it; otherwise the parser's sentence is the detail.
            var detail = (ex as YamlRefusedException ?? ex.InnerException as YamlRefusedException)?.Refusal ?? (object)SafeYaml.ParserText(ex.InnerException ?? ex);
            throw new KnowledgeInputException(KnowledgeRefusal.FrontMatterNotYaml, ex.Start.Line, detail);
        }
        if (map is null) return None;
        string? Text(string key) => map.TryGetValue(key, out var v) && v is string s && s.Trim().Length > 0 ? s.Trim() : null;
        IReadOnlyList<string> List(string key) => map.TryGetValue(key, out var v) switch
        {
            true when v is List<object> items => items.OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
            true when v is string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
        DateOnly? reviewBy = null;
        if (Text("review_by") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new KnowledgeInputException(KnowledgeRefusal.ReviewByNotADate, date);
            reviewBy = d;
        }
        return new FrontMatter
        {
            Title = Text("title"), Slug = Text("slug"), Locale = Text("locale"), Owner = Text("owner"), Domain = Text("domain"),
            Intents = List("intents"), Tags = List("tags"), ReviewBy = reviewBy,
        };
    }
}
