using System.Numerics.Tensors;
using FastBertTokenizer;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PuoAiOps.Encoders;

/// <summary>
/// all-MiniLM-L6-v2 sentence vectors (384 dimensions, mean-pooled, L2-normalised) behind
/// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>, offline. One instance serves the whole
/// process: the tokenizer is called only through its buffer-taking overload, which keeps no shared state, and
/// the model runs on the instance's own <see cref="EncoderThread"/> (callers queue; ONNX Runtime's intra-op
/// threads still use every core), so no pool thread ever runs ONNX Runtime's int8 kernels itself.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The published model, run as it is (<see cref="EncoderPrecision.Float32"/>).</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The same model with its weight matrices in int8 (<see cref="EncoderPrecision.Int8"/>, the default).</summary>
    public const string Int8ModelId = "all-MiniLM-L6-v2-int8";
    public const int Dimensions = 384;

    /// <summary>The model was fine-tuned on 128-token inputs; longer text is truncated, as sentence-transformers does.</summary>
    public const int MaxTokens = 128;

    /// <summary>Texts per model call; sorted by length first so a batch pads to about its own length.</summary>
    private const int BatchSize = 32;

    private static readonly Lazy<MiniLmEmbeddingGenerator> SharedInt8 = new(() => new MiniLmEmbeddingGenerator(precision: EncoderPrecision.Int8));
    private static readonly Lazy<MiniLmEmbeddingGenerator> SharedFloat32 = new(() => new MiniLmEmbeddingGenerator(precision: EncoderPrecision.Float32));

    /// <summary>
    /// The process-wide instance at the default precision (the model is ~60-90 MB; one session serves every
    /// caller). Hosts register this same object in DI; it lives as long as the process and is never disposed.
    /// </summary>
    public static MiniLmEmbeddingGenerator Shared => SharedInt8.Value;

    /// <summary>The process-wide instance at <paramref name="precision"/>.</summary>
    public static MiniLmEmbeddingGenerator SharedFor(EncoderPrecision precision) =>
        precision == EncoderPrecision.Float32 ? SharedFloat32.Value : SharedInt8.Value;

    private readonly InferenceSession _session;
    private readonly EncoderThread _thread = new();
    private readonly BertTokenizer _tokenizer;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>The id recorded with each vector this instance makes (differs per precision).</summary>
    public string Model { get; }

    public MiniLmEmbeddingGenerator(int threads = 0, EncoderPrecision precision = EncoderPrecision.Int8)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Idle worker threads would otherwise spin for a while after each call, burning a core the
        // web host or the other requests need; a few microseconds of wake-up is cheaper here.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var model = MiniLmResources.ModelBytes();
        if (precision == EncoderPrecision.Int8) model = MatMulWeightQuantizer.Quantize(model).Model;
        // Created on the encoder thread too: optimising the graph may run kernels already.
        _session = _thread.Run(() => new InferenceSession(model, options));
        _tokenizer = MiniLmResources.Tokenizer();
        Model = precision == EncoderPrecision.Int8 ? Int8ModelId : ModelId;
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", defaultModelId: Model, defaultModelDimensions: Dimensions);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var matrix = new float[texts.Count * Dimensions];
        Embed(texts, matrix, cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < texts.Count; i++)
            result.Add(new Embedding<float>(matrix.AsMemory(i * Dimensions, Dimensions)) { ModelId = Model, CreatedAt = now });
        return Task.FromResult(result);
    }

    /// <summary>Writes one normalised vector per text, row after row, into <paramref name="destination"/>.</summary>
    public void Embed(IReadOnlyList<string> texts, Span<float> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (destination.Length < texts.Count * Dimensions)
            throw new ArgumentException("Destination is shorter than texts × dimensions.", nameof(destination));
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ThenBy(i => i).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RunBatch(texts, order.AsSpan(start, Math.Min(BatchSize, order.Length - start)), destination);
        }
    }

    private void RunBatch(IReadOnlyList<string> texts, ReadOnlySpan<int> batch, Span<float> destination)
    {
        var count = batch.Length;
        var ids = new long[count * MaxTokens];
        var mask = new long[count * MaxTokens];
        var lengths = new int[count];
        var width = 2;
        for (var k = 0; k < count; k++)
        {
            var text = texts[batch[k]];
            // An empty text still gets [CLS] [SEP], so its vector is defined (and the same for every empty text).
            lengths[k] = _tokenizer.Encode(text ?? "", ids.AsSpan(k * MaxTokens, MaxTokens), mask.AsSpan(k * MaxTokens, MaxTokens), padTo: null);
            width = Math.Max(width, lengths[k]);
        }
        var inputIds = Pack(ids, count, width);
        var attention = Pack(mask, count, width);
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(inputIds, [count, width])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(attention, [count, width])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[count * width], [count, width])),
        };
        // The model runs on the encoder thread only (EncoderThread says why); the states come back as a copy.
        var hidden = _thread.Run(() =>
        {
            using var outputs = _session.Run(inputs, ["last_hidden_state"]);
            return ((DenseTensor<float>)outputs[0].AsTensor<float>()).Buffer.ToArray();
        }).AsSpan();
        for (var k = 0; k < count; k++)
            MeanPool(hidden.Slice(k * width * Dimensions, width * Dimensions), lengths[k], destination.Slice(batch[k] * Dimensions, Dimensions));
    }

    /// <summary>Copies each row's first <paramref name="width"/> tokens into a dense [count, width] array (the rest is padding, id 0).</summary>
    private static long[] Pack(long[] rows, int count, int width)
    {
        var packed = new long[count * width];
        for (var k = 0; k < count; k++)
            rows.AsSpan(k * MaxTokens, width).CopyTo(packed.AsSpan(k * width, width));
        return packed;
    }

    /// <summary>Average of the real tokens' states (padding excluded), then unit length so a dot product is the cosine.</summary>
    private static void MeanPool(ReadOnlySpan<float> states, int tokens, Span<float> output)
    {
        output.Clear();
        for (var t = 0; t < tokens; t++)
            TensorPrimitives.Add(output, states.Slice(t * Dimensions, Dimensions), output);
        var norm = TensorPrimitives.Norm(output);
        if (norm > 0) TensorPrimitives.Divide(output, norm, output);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>The published float32 model file, as the package ships it.</summary>
    public static byte[] PublishedModel() => MiniLmResources.ModelBytes();

    /// <summary>A tokenizer like the one this generator uses, for measuring tokenization on its own.</summary>
    public static BertTokenizer CreateTokenizer() => MiniLmResources.Tokenizer();

    /// <summary>
    /// Disposes an instance of one's own. The shared instance outlives every DI container that hands it
    /// out (a container disposes the singletons its factories made; a test process runs many hosts).
    /// </summary>
    public void Dispose()
    {
        if ((SharedInt8.IsValueCreated && ReferenceEquals(this, SharedInt8.Value))
            || (SharedFloat32.IsValueCreated && ReferenceEquals(this, SharedFloat32.Value))) return;
        _thread.Dispose();
        _session.Dispose();
    }
}
