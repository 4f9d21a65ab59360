using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Kernel;
using PuoAiOps.Application.Bot.Plugins;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Text.Redaction;
using SkKernel = Microsoft.SemanticKernel.Kernel;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// The kernel of one bot turn: the chat service of the configured provider (shared by the whole
/// process, with its limits and retries), the knowledge and script plugins bound to this request's
/// scope, the redacting prompt-render filter and a call log that feeds the trace.
/// </summary>
public sealed class BotKernelFactory(AiChatClientProvider ai)
{
    private readonly Lazy<IServiceProvider> _services = new(() =>
    {
        var services = new ServiceCollection();
        if (ai.IsConfigured) services.AddSingleton<IChatClient>(_ => ai.Client);
        return services.BuildServiceProvider();
    });

    public bool HasChatService => ai.IsConfigured;

    public SkKernel Create(KnowledgeSearchService search, ScriptLibrary scripts, PiiRedactor redactor, KernelCallLog log)
    {
        var kernel = new SkKernel(_services.Value);
        kernel.Plugins.AddFromObject(new KnowledgePlugin(search), KnowledgePlugin.Name);
        kernel.Plugins.AddFromObject(new ScriptPlugin(scripts), ScriptPlugin.Name);
        kernel.FunctionInvocationFilters.Add(log);
        kernel.PromptRenderFilters.Add(new RedactingPromptFilter(redactor));
        return kernel;
    }
}
