using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification.Serving;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Bot;

/// <summary>One dependency of the bot and its state ("ok", "degraded" or "down") in a sentence.</summary>
public sealed record DependencyHealth(string Name, string Status, string Detail);

/// <summary>
/// The state of each dependency the bot answers with: database, serving classifier, keyword index,
/// vector index, LLM endpoint (with its circuit breaker). A missing classifier or LLM degrades the
/// bot (it retrieves, or answers extractively) rather than stopping it.
/// </summary>
public sealed class BotHealth(PuoDbContext db, ServingClassifier serving, KnowledgeIndexes indexes, AiChatClientProvider ai)
{
    public async Task<IReadOnlyList<DependencyHealth>> CheckAsync(CancellationToken ct = default)
    {
        var list = new List<DependencyHealth>();
        try
        {
            var chunks = await db.Chunks.CountAsync(ct);
            list.Add(new("database", "ok", $"reachable, {chunks} SOP chunks"));
            var keyword = indexes.Keyword.Count;
            list.Add(new("keyword index", keyword == chunks ? "ok" : "degraded", keyword == chunks ? $"{keyword} chunks" : $"{keyword} of {chunks} chunks indexed: run puo kb reindex"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            list.Add(new("database", "down", ex.GetType().Name));
        }
        var classifier = await serving.GetAsync(ct);
        list.Add(classifier is null
            ? new("classifier", "degraded", serving.LastError is { } error ? "serving version failed to load: " + error : "no version serves: questions go to retrieval")
            : new("classifier", "ok", $"version {classifier.VersionId} serving"));
        list.Add(indexes.Vectors is null ? new("vector index", "degraded", "no embedding model: keyword search only") : new("vector index", "ok", "dense retrieval on"));
        var llm = ai.State;
        list.Add(llm switch
        {
            "not configured" => new("llm", "degraded", "Ai:Provider is None: extractive answers only"),
            "Closed" => new("llm", "ok", $"{ai.Options.Provider} at {ai.EndpointDescription}"),
            _ => new("llm", "down", $"{ai.Options.Provider} at {ai.EndpointDescription}: circuit {llm}"),
        });
        return list;
    }
}
