using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Common.Yaml;
using PuoAiOps.Core.Scripts;
using YamlDotNet.Serialization;
using SkPromptConfig = Microsoft.SemanticKernel.PromptTemplateConfig;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// The model-based rewrite of <see cref="IScriptRewriter"/>: a Semantic Kernel prompt function made
/// from <c>prompts/standardize.prompt.yaml</c> (overridable in <see cref="AiOptions.PromptsDir"/>),
/// run on the console's one chat client (<see cref="AiChatClientProvider"/>: its endpoint, time
/// limits, retries and concurrency limit). It receives text whose personal data is already replaced
/// by placeholders (<see cref="ScriptStandardizeService"/>), and its output is a draft to lint.
/// </summary>
public sealed class SemanticKernelScriptRewriter(AiChatClientProvider ai, PromptLibrary prompts) : IScriptRewriter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    private readonly Lazy<KernelFunction> _function = new(() => CreateFunction(prompts));

    public async Task<string> RewriteAsync(string answer, string locale, string channel, StyleRules rules, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddSingleton(ai.Client);
        var kernel = new Kernel(services.BuildServiceProvider());
        var arguments = new KernelArguments
        {
            ["answer"] = answer,
            ["locale"] = locale,
            ["channel"] = channel,
            ["greeting"] = rules.GreetingTemplate.Length > 0 ? rules.GreetingTemplate : string.Join(" / ", rules.Greetings.Take(3)),
            ["closing"] = rules.ClosingTemplate.Length > 0 ? rules.ClosingTemplate : string.Join(" / ", rules.Closings.Take(3)),
            ["banned"] = string.Join(", ", rules.BannedPhrases.Select(b => b.Phrase)),
            ["glossary"] = string.Join(", ", rules.Glossary.Select(g => $"{g.Avoid} → {g.Prefer}")),
            ["max_length"] = rules.MaxLength.ToString(CultureInfo.InvariantCulture),
        };
        var result = await _function.Value.InvokeAsync(kernel, arguments, ct);
        var text = result.GetValue<string>() ?? result.GetValue<ChatResponse>()?.Text ?? "";
        if (string.IsNullOrWhiteSpace(text)) throw new AiUnavailableException("The language model returned an empty rewrite.");
        return text.Trim().Trim('"', '“', '”').Trim();
    }

    /// <summary>
    /// Reads the prompt file (through SafeYaml, which refuses anchors and aliases) into Semantic
    /// Kernel's own <see cref="SkPromptConfig"/>; its JSON names are the file's snake_case keys.
    /// </summary>
    internal static KernelFunction CreateFunction(PromptLibrary prompts)
    {
        var (text, source) = prompts.Source(PromptLibrary.Standardize);
        var tree = SafeYaml.Deserialize<object>(Yaml, text) ?? throw new InvalidOperationException($"{source}: the prompt file is empty.");
        var config = SkPromptConfig.FromJson(JsonSerializer.Serialize(Normalize(tree, settings: false)));
        if (config.TemplateFormat != SkPromptConfig.SemanticKernelTemplateFormat)
            throw new InvalidOperationException($"{source}: 'template_format' must be '{SkPromptConfig.SemanticKernelTemplateFormat}' (got '{config.TemplateFormat}').");
        return KernelFunctionFactory.CreateFromPrompt(config);
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
