using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Encoders;

namespace PuoAiOps.Application.Tests.Knowledge;

/// <summary>
/// The default encoder runs all-MiniLM-L6-v2 with int8 weight matrices (MatMulWeightQuantizer). Its vectors must stay
/// close to the published float model's, and rank the same neighbours, in English and Chinese.
/// </summary>
public sealed class Int8EncoderTests
{
    private static readonly string[] Questions =
    [
        "I recharged coins but they never arrived in my wallet",
        "how do I reset my password if I lost my phone",
        "the live stream keeps buffering on my TV",
        "why was my account banned for no reason",
        "cancel my monthly membership auto-renewal",
        "where can I see my payout for this month",
        "a streamer is harassing me in the chat",
        "the gift I sent was charged twice",
        "充值的金币没有到账怎么办",
        "忘记密码了，手机也换了",
        "直播一直卡顿，怎么解决",
        "我的账号为什么被封了",
        "取消自动续费",
        "主播的收益什么时候结算",
        "",
        "ok",
    ];

    [Fact]
    public void Quantize_TheEncoder_ReplacesEveryWeightMatMul()
    {
        var published = MiniLmEmbeddingGenerator.PublishedModel();
        var (model, nodes) = MatMulWeightQuantizer.Quantize(published);
        // 6 layers × (query, key, value, attention output, feed-forward in, feed-forward out).
        Assert.Equal(36, nodes);
        Assert.True(model.Length < published.Length * 0.75, $"int8 model is {model.Length:N0} bytes of {published.Length:N0}");
        Assert.Equal(0, MatMulWeightQuantizer.Quantize(model).QuantizedNodes); // nothing left to quantise: idempotent
    }

    [Fact]
    public void Int8Vectors_StayCloseToFloat32_AndKeepTheNearestNeighbour()
    {
        var int8 = MiniLmEmbeddingGenerator.SharedFor(EncoderPrecision.Int8);
        var float32 = MiniLmEmbeddingGenerator.SharedFor(EncoderPrecision.Float32);
        Assert.NotEqual(int8.Model, float32.Model); // stored vectors record which made them

        var a = Embed(float32, Questions);
        var b = Embed(int8, Questions);
        // Quantisation noise averages out over a sentence's tokens; a one-word text moves most (0.96 for "ok").
        var cosines = Enumerable.Range(0, Questions.Length).Select(i => TensorPrimitives.Dot(a[i], b[i])).ToArray();
        for (var i = 0; i < Questions.Length; i++)
            Assert.True(cosines[i] >= 0.95f, $"cosine {cosines[i]:0.000} for \"{Questions[i]}\"");
        Assert.True(cosines.Average() >= 0.98f, $"mean cosine {cosines.Average():0.000}");
        // Each question's nearest other question under float32 is among its two nearest under int8.
        for (var i = 0; i < Questions.Length; i++)
            Assert.Contains(Ranked(a, i)[0], Ranked(b, i)[..2]);
    }

    [Fact]
    public async Task AddEncoders_Float32_RegistersThePublishedModel()
    {
        await using var services = new ServiceCollection().AddEncoderServices(new EncoderOptions { Precision = EncoderPrecision.Float32 }).BuildServiceProvider();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        await using var defaults = new ServiceCollection().AddEncoderServices().BuildServiceProvider();
        Assert.Equal(MiniLmEmbeddingGenerator.Int8ModelId,
            defaults.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void EncoderOptions_RefuseAnUnknownPrecision_NamingThePath() =>
        Assert.Contains("Encoders:Precision", Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddEncoderServices(new EncoderOptions { Precision = (EncoderPrecision)9 })).Message, StringComparison.Ordinal);

    private static float[][] Embed(MiniLmEmbeddingGenerator generator, string[] texts)
    {
        var flat = new float[texts.Length * MiniLmEmbeddingGenerator.Dimensions];
        generator.Embed(texts, flat);
        return [.. Enumerable.Range(0, texts.Length).Select(i => flat.AsSpan(i * MiniLmEmbeddingGenerator.Dimensions, MiniLmEmbeddingGenerator.Dimensions).ToArray())];
    }

    private static int[] Ranked(float[][] vectors, int query) =>
        [.. Enumerable.Range(0, vectors.Length).Where(j => j != query).OrderByDescending(j => TensorPrimitives.Dot(vectors[query], vectors[j]))];
}
