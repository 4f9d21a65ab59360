using System.ComponentModel;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Search;

namespace PuoAiOps.Application.Bot.Plugins;

/// <summary>
/// Knowledge search as a kernel plugin: the pipeline calls it through the kernel, so its latency lands in the trace.
/// Stateless: the search service of the turn comes with the kernel (<see cref="BotTurnServices"/>).
/// </summary>
public sealed class KnowledgePlugin
{
    public const string Name = "knowledge";

    [KernelFunction("search")]
    [Description("Searches the SOP knowledge base and returns the best passages for a question.")]
    public Task<KnowledgeSearchResult> SearchAsync(
        Kernel kernel,
        [Description("The redacted question")] string query,
        [Description("The language of the passages (en or zh-CN)")] string locale,
        [Description("How many passages")] int top,
        CancellationToken cancellationToken) =>
        BotTurnServices.Of(kernel).Search.SearchAsync(new KnowledgeQuery(query, top, new SearchFilter(Locale: locale)), cancellationToken);
}
