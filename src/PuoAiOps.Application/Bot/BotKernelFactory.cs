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
/// process, with its limits and retries), the knowledge and script plugins (built once per process:
/// building them reflects over their methods; each turn's kernel carries its request-scoped search,
/// <see cref="BotTurnServices"/>, and scripts come from the process's <see cref="ServedScriptCache"/>),
/// the redacting prompt-render filter and a call log that feeds the trace.
/// </summary>
public sealed class BotKernelFactory(AiChatClientProvider ai, ServedScriptCache scripts, TimeProvider clock)
{
    private readonly Lazy<IServiceProvider> _services = new(() =>
    {
        var services = new ServiceCollection();
        if (ai.IsConfigured) services.AddSingleton<IChatClient>(_ => ai.Client);
        return services.BuildServiceProvider();
    });

    // Shared by every turn's kernel and never changed after it is built: nothing adds plugins to a turn's kernel.
    private readonly Lazy<KernelPluginCollection> _plugins = new(() =>
    [
        KernelPluginFactory.CreateFromObject(new KnowledgePlugin(), KnowledgePlugin.Name),
        KernelPluginFactory.CreateFromObject(new ScriptPlugin(scripts, clock), ScriptPlugin.Name),
    ]);

    public bool HasChatService => ai.IsConfigured;

    public SkKernel Create(KnowledgeSearchService search, PiiRedactor redactor, KernelCallLog log)
    {
        var kernel = new SkKernel(_services.Value, _plugins.Value);
        new BotTurnServices(search).AttachTo(kernel);
        kernel.FunctionInvocationFilters.Add(log);
        kernel.PromptRenderFilters.Add(new RedactingPromptFilter(redactor));
        return kernel;
    }
}
