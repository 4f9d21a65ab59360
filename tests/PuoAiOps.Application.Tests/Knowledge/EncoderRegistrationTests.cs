using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Encoders;

namespace PuoAiOps.Application.Tests.Knowledge;

/// <summary>AddEncoderServices: the shared MiniLM generator behind IEmbeddingGenerator, or none; never disposed by a container.</summary>
public sealed class EncoderRegistrationTests
{
    [Fact]
    public async Task AddEncoders_SharedGenerator_SurvivesTheContainersThatHandedItOut()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator;
        await using (var services = new ServiceCollection().AddEncoderServices().BuildServiceProvider())
            generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Same(MiniLmEmbeddingGenerator.Shared, generator);

        // A second host (another test, the next console in the same process) still embeds with it.
        await using var next = new ServiceCollection().AddEncoderServices().BuildServiceProvider();
        var vectors = await next.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["reset my password"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, vectors[0].Vector.Length);
    }

    [Fact]
    public void AddEncoders_None_RegistersNoGenerator_AndAnEarlierOneWins()
    {
        var none = new ServiceCollection().AddEncoderServices(new EncoderOptions { SentenceEncoder = SentenceEncoderKind.None }).BuildServiceProvider();
        Assert.Null(none.GetService<IEmbeddingGenerator<string, Embedding<float>>>());

        var endpoint = new KnowledgeTestBed.CountingGenerator(MiniLmEmbeddingGenerator.Shared);
        var services = new ServiceCollection().AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(endpoint).AddEncoderServices().BuildServiceProvider();
        Assert.Same(endpoint, services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void EncoderOptions_RefuseAnUnknownKind_NamingThePath() =>
        Assert.Contains("Encoders:SentenceEncoder", Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddEncoderServices(new EncoderOptions { SentenceEncoder = (SentenceEncoderKind)7 })).Message, StringComparison.Ordinal);
}
