using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Kernel;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Core.Scripts;

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
        if (string.IsNullOrWhiteSpace(text)) throw new AiUnavailableException(AiRefusal.EmptyRewrite);
        return text.Trim().Trim('"', '“', '”').Trim();
    }

    /// <summary>The prompt file as a kernel function (see <see cref="KernelPromptLoader"/>).</summary>
    internal static KernelFunction CreateFunction(PromptLibrary prompts) => KernelPromptLoader.Load(prompts, PromptLibrary.Standardize).Function;
}
