using Microsoft.SemanticKernel;
using PuoAiOps.Application.Knowledge.Search;

namespace PuoAiOps.Application.Bot.Plugins;

/// <summary>
/// The request-scoped services one turn's plugin calls use. The plugins themselves are built once per
/// process (building a plugin from an object reflects over its methods and builds their JSON schemas,
/// which cost more than the call itself); each turn's kernel carries these in <see cref="Kernel.Data"/>
/// and the plugin functions read them from the kernel they are invoked with.
/// </summary>
public sealed record BotTurnServices(KnowledgeSearchService Search)
{
    private const string Key = "puo.bot.turn";

    public void AttachTo(Kernel kernel) => kernel.Data[Key] = this;

    public static BotTurnServices Of(Kernel kernel) =>
        kernel.Data.TryGetValue(Key, out var value) && value is BotTurnServices services ? services
            : throw new InvalidOperationException("This kernel was not created for a bot turn (BotKernelFactory.Create).");
}
