using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PuoAiOps.Application.Ai.Prompts;

/// <summary>
/// The prompts of the console: <c>prompts/*.prompt.yaml</c> from the repository, embedded in this
/// assembly at build time, each overridable by a file of the same name in <see cref="AiOptions.PromptsDir"/>.
/// </summary>
public sealed class PromptLibrary(IOptions<AiOptions> options)
{
    public const string Classify = "classify";
    public const string Standardize = "standardize";
    public const string Answer = "answer";

    private const string ResourcePrefix = "Prompts.";
    private const string Suffix = ".prompt.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly ConcurrentDictionary<string, PromptTemplate> _cache = new(StringComparer.Ordinal);

    /// <summary>The prompt called <paramref name="name"/>; throws when it does not exist or is invalid.</summary>
    public PromptTemplate Get(string name) => _cache.GetOrAdd(name, Load);

    public static PromptTemplate Parse(string yaml, string source)
    {
        PromptTemplateConfig config;
        try
        {
            config = SafeYaml.Deserialize<PromptTemplateConfig>(Yaml, yaml) ?? new PromptTemplateConfig();
        }
        catch (YamlDotNet.Core.YamlException ex) when ((ex as YamlRefusedException ?? ex.InnerException as YamlRefusedException) is { } refused)
        {
            throw new InvalidOperationException($"{source}: line {refused.Line}: {refused.Reason}", ex);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidOperationException($"{source}: not a valid prompt file ({ex.Message}).", ex);
        }
        var errors = config.Validate(source).ToList();
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));
        return new PromptTemplate(config);
    }

    private PromptTemplate Load(string name)
    {
        var (text, source) = Source(name);
        return Parse(text, source);
    }

    /// <summary>
    /// The YAML text of prompt <paramref name="name"/> and where it came from: the override in
    /// <see cref="AiOptions.PromptsDir"/> when present, else the built-in one. For prompts run by
    /// another engine (the Semantic Kernel prompt functions), which parse it themselves.
    /// </summary>
    public (string Text, string Source) Source(string name)
    {
        var dir = options.Value.PromptsDir;
        if (!string.IsNullOrWhiteSpace(dir))
        {
            var path = Path.Combine(dir, name + Suffix);
            if (File.Exists(path)) return (File.ReadAllText(path), path);
        }
        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream(ResourcePrefix + name + Suffix)
            ?? throw new InvalidOperationException($"No prompt '{name}' (expected prompts/{name}{Suffix}).");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), $"prompts/{name}{Suffix}");
    }
}
