using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Common.Yaml;
using YamlDotNet.Serialization;
using SkPromptConfig = Microsoft.SemanticKernel.PromptTemplateConfig;

namespace PuoAiOps.Application.Ai.Kernel;

/// <summary>A prompt file as a kernel function, with the short hash of its text (the prompt version in traces).</summary>
public sealed record KernelPrompt(string Name, string Version, KernelFunction Function, string Source, string Template);

/// <summary>
/// Loads <c>prompts/NAME.prompt.yaml</c> (or its override in <see cref="AiOptions.PromptsDir"/>) as a
/// Semantic Kernel prompt function with the file's execution settings. Semantic Kernel's own YAML
/// loader lives in a package the mirror does not serve, so the file is read here with SafeYaml
/// (which refuses anchors and aliases) into SK's <see cref="SkPromptConfig"/>; see
/// docs/decisions/0010-bot-on-semantic-kernel.md.
/// </summary>
public static class KernelPromptLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static KernelPrompt Load(PromptLibrary prompts, string name)
    {
        var (text, source) = prompts.Source(name);
        var tree = SafeYaml.Deserialize<object>(Yaml, text) ?? throw new InvalidOperationException($"{source}: the prompt file is empty.");
        var config = SkPromptConfig.FromJson(JsonSerializer.Serialize(Normalize(tree, settings: false)));
        if (config.TemplateFormat != SkPromptConfig.SemanticKernelTemplateFormat)
            throw new InvalidOperationException($"{source}: 'template_format' must be '{SkPromptConfig.SemanticKernelTemplateFormat}' (got '{config.TemplateFormat}').");
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config.Template)))[..12];
        return new KernelPrompt(config.Name ?? name, version, KernelFunctionFactory.CreateFromPrompt(config), source, config.Template);
    }

    /// <summary>
    /// YAML's untyped tree as JSON-ready values: string keys, true/false as booleans (is_required), and
    /// numbers under <c>execution_settings</c> as numbers (YAML hands every scalar over as a string).
    /// </summary>
    private static object? Normalize(object? node, bool settings) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(
            e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "",
            e => Normalize(e.Value, settings || Equals(e.Key, "execution_settings")), StringComparer.Ordinal),
        IList<object?> list => list.Select(item => Normalize(item, settings)).ToList(),
        string text when text is "true" or "false" => text == "true",
        string text when settings && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => node,
    };
}
