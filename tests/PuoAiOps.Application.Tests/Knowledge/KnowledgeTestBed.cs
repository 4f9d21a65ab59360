using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Encoders;

namespace PuoAiOps.Application.Tests.Knowledge;

/// <summary>A migrated SQLite workspace with the knowledge services, optionally with the real MiniLM encoder (counted).</summary>
public sealed class KnowledgeTestBed : IAsyncDisposable
{
    private readonly TempWorkspace _workspace;
    private readonly bool _ownsWorkspace;

    private KnowledgeTestBed(TempWorkspace workspace, ServiceProvider services, CountingGenerator? generator, bool ownsWorkspace = true)
    {
        _workspace = workspace;
        _ownsWorkspace = ownsWorkspace;
        Services = services;
        Generator = generator;
    }

    public ServiceProvider Services { get; }
    public CountingGenerator? Generator { get; }
    public string DataDir => _workspace.DataDir;
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<KnowledgeTestBed> CreateAsync(bool dense = false, long maxBytes = 2 * 1024 * 1024, Action<VectorSearchOptions>? vectors = null,
        Action<KnowledgeOptions>? knowledge = null) =>
        Build(await TempWorkspace.CreateAsync(), dense, maxBytes, ownsWorkspace: true, vectors, knowledge);

    /// <summary>Over a workspace the caller owns (and disposes), keyword-only.</summary>
    public static Task<KnowledgeTestBed> CreateOnAsync(TempWorkspace workspace) => Task.FromResult(Build(workspace, false, 2 * 1024 * 1024, ownsWorkspace: false));

    private static KnowledgeTestBed Build(TempWorkspace workspace, bool dense, long maxBytes, bool ownsWorkspace, Action<VectorSearchOptions>? vectors = null,
        Action<KnowledgeOptions>? knowledge = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(workspace.Options));
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, workspace.Options));
        var generator = dense ? new CountingGenerator(MiniLmEmbeddingGenerator.Shared) : null;
        if (generator is not null) services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(generator);
        services.AddKnowledgeServices(o =>
        {
            o.MaxDocumentBytes = maxBytes;
            knowledge?.Invoke(o);
        });
        services.AddVectorSearchServices(vectors);
        return new KnowledgeTestBed(workspace, services.BuildServiceProvider(validateScopes: true), generator, ownsWorkspace);
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<IngestResult> IngestAsync(string fileName, string content, string? locale = null) =>
        IngestAsync(new DocumentUpload(fileName, Encoding.UTF8.GetBytes(content), "test:" + fileName, "curator-1", locale));

    public Task<IngestResult> IngestAsync(DocumentUpload upload) =>
        WithAsync(sp => sp.GetRequiredService<KnowledgeIngestionService>().IngestAsync(upload, Ct));

    public PuoDbContext NewContext() => _workspace.NewContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsWorkspace) await _workspace.DisposeAsync();
    }

    /// <summary>The real encoder, counting how many texts it was asked to embed.</summary>
    public sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private int _texts;
        public int Texts => _texts;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Interlocked.Add(ref _texts, list.Count);
            return inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        // The shared encoder lives as long as the process.
        public void Dispose() { }
    }
}
