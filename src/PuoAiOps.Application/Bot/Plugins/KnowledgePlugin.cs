using System.ComponentModel;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Search;

namespace PuoAiOps.Application.Bot.Plugins;

/// <summary>Knowledge search as a kernel plugin: the pipeline calls it through the kernel, so its latency lands in the trace.</summary>
public sealed class KnowledgePlugin(KnowledgeSearchService search)
{
    public const string Name = "knowledge";

    [KernelFunction("search")]
    [Description("Searches the SOP knowledge base and returns the best passages for a question.")]
    public Task<KnowledgeSearchResult> SearchAsync(
        [Description("The redacted question")] string query,
        [Description("The language of the passages (en or zh-CN)")] string locale,
        [Description("How many passages")] int top,
        CancellationToken cancellationToken) =>
        search.SearchAsync(new KnowledgeQuery(query, top, new SearchFilter(Locale: locale)), cancellationToken);
}
