using System.Reflection;
using PuoAiOps.Application.Common.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PuoAiOps.Application.Demo.Content;

/// <summary>
/// Everything the demo workspace is written from, read from the assembly's embedded resources
/// (Demo/Content/**): taxonomy per domain, reply scripts per domain, word lists and SOP Markdown.
/// </summary>
internal sealed class DemoContent
{
    public required IReadOnlyList<DomainSpec> Domains { get; init; }
    public required IReadOnlyList<ScriptSpec> Scripts { get; init; }
    public required WordLists Words { get; init; }
    public required IReadOnlyList<SopSource> Sops { get; init; }

    private static readonly Lazy<DemoContent> Cached = new(Load);

    /// <summary>The content is immutable and identical for every seed, so it is parsed once per process.</summary>
    public static DemoContent Instance => Cached.Value;

    private static DemoContent Load()
    {
        var assembly = typeof(DemoContent).Assembly;
        var prefix = $"{assembly.GetName().Name}.Demo.Content.";
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

        var domains = names.Where(n => n.StartsWith(prefix + "taxonomy.", StringComparison.Ordinal))
            .Select(n => SafeYaml.Deserialize<DomainSpec>(yaml, Read(assembly, n)))
            .OrderBy(d => d.Sort)
            .ToList();
        var scripts = names.Where(n => n.StartsWith(prefix + "scripts.", StringComparison.Ordinal))
            .SelectMany(n => SafeYaml.Deserialize<List<ScriptSpec>>(yaml, Read(assembly, n)))
            .ToList();
        var words = SafeYaml.Deserialize<WordLists>(yaml, Read(assembly, prefix + "words.yaml"));
        var sops = names.Where(n => n.StartsWith(prefix + "sop.", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => ParseSop(yaml, n[(prefix.Length + "sop.".Length)..], Read(assembly, n)))
            .ToList();
        return new DemoContent { Domains = domains, Scripts = scripts, Words = words, Sops = sops };
    }

    /// <summary>Resource "en.refund-policy.md" or "zh_CN.refund-policy.md" (MSBuild turns the folder's '-' into '_').</summary>
    private static SopSource ParseSop(IDeserializer yaml, string relativeName, string text)
    {
        var dot = relativeName.IndexOf('.', StringComparison.Ordinal);
        var locale = relativeName[..dot].Replace('_', '-');
        var slug = relativeName[(dot + 1)..^".md".Length];
        var (frontMatter, body) = SplitFrontMatter(text);
        var meta = SafeYaml.Deserialize<SopFrontMatter>(yaml, frontMatter);
        return new SopSource(slug, locale, meta, body.Trim() + "\n");
    }

    private static (string FrontMatter, string Body) SplitFrontMatter(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            throw new InvalidDataException("Demo SOP files start with a '---' front matter block.");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return (text[4..end], text[(end + 5)..]);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded demo resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
