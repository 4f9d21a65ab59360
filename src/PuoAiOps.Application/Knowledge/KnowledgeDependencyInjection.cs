using Lucene.Net.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Knowledge.Suites;
using PuoAiOps.Application.Knowledge.Formats;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Knowledge.Keyword;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Application.VectorSearch.Qdrant;

namespace PuoAiOps.Application;

public static class KnowledgeDependencyInjection
{
    /// <summary>
    /// SOP ingestion, the keyword index, hybrid search, glossary and history; builds the indexes at
    /// start when they are missing. Dense retrieval uses the registered
    /// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> if there is one. Needs <c>AddPersistence</c>.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddKnowledgeServices(o => builder.Configuration.GetSection(KnowledgeOptions.SectionName).Bind(o));
        builder.Services.AddHostedService<KnowledgeStartupIndexer>();
        return builder;
    }

    /// <summary>The same registrations for hosts without an application builder (the CLI's service container).</summary>
    public static IServiceCollection AddKnowledgeServices(this IServiceCollection services, Action<KnowledgeOptions>? configure = null)
    {
        services.AddOptions<KnowledgeOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KnowledgeOptions>>(new OptionsValidator<KnowledgeOptions>(o => o.Validate()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var folder = options.IndexDir is { Length: > 0 } dir ? dir
                : Path.Combine(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDir, "knowledge", "lucene");
            System.IO.Directory.CreateDirectory(folder);
            return new LuceneKeywordIndex(KeywordIndexDirectory.Open(folder), options.ChineseAnalyzer);
        });
        services.AddSingleton(sp => new KnowledgeEmbedder(sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton(sp => new KnowledgeIndexes(sp.GetRequiredService<LuceneKeywordIndex>(), sp.GetRequiredService<KnowledgeEmbedder>(), sp.GetService<IVectorIndex>()));
        services.AddSingleton<SopHtmlRenderer>();
        services.AddScoped<KnowledgeIngestionService>();
        services.AddScoped<KnowledgeFolderSync>();
        // The console's "Sync folder" runs as a job (the runner of whichever instance leases it).
        services.AddJobs();
        services.AddJobHandler<KnowledgeSyncJobHandler>(KnowledgeJobKinds.Sync);
        services.AddScoped<KnowledgeSyncJobService>();
        services.AddScoped<ReindexService>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GlossaryCache>();
        services.AddScoped<GlossaryService>();
        services.AddScoped<KnowledgeSearchService>();
        services.AddScoped<DocumentHistoryService>();
        services.AddScoped<DocumentCatalog>();
        services.AddScoped<DocumentEditor>();
        services.AddScoped<DocumentLifecycle>();
        services.AddScoped<RetrievalSuiteService>();
        return services;
    }

    /// <summary>The vector index chosen by <c>VectorSearch:Provider</c> (Embedded by default, or Qdrant: docs/knowledge.md).</summary>
    public static IHostApplicationBuilder AddVectorSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddVectorSearchServices(o => builder.Configuration.GetSection(VectorSearchOptions.SectionName).Bind(o));
        return builder;
    }

    public static IServiceCollection AddVectorSearchServices(this IServiceCollection services, Action<VectorSearchOptions>? configure = null)
    {
        services.AddOptions<VectorSearchOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VectorSearchOptions>>(new OptionsValidator<VectorSearchOptions>(o => o.Validate()));
        services.AddSingleton<IVectorIndex>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VectorSearchOptions>>().Value;
            var embedder = sp.GetRequiredService<KnowledgeEmbedder>();
            return options.Provider switch
            {
                VectorProvider.Embedded => new EmbeddedVectorIndex(sp.GetRequiredService<IServiceScopeFactory>(), embedder.Model ?? "none", embedder.Dimensions),
                VectorProvider.Qdrant => new QdrantVectorIndex(options.Qdrant, embedder.Dimensions, sp.GetService<ILoggerFactory>()),
                _ => throw new InvalidOperationException($"{VectorSearchOptions.SectionName}:Provider = {options.Provider} is not available in this version."),
            };
        });
        return services;
    }

    private sealed class OptionsValidator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
