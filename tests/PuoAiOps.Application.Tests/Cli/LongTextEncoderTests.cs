using PuoAiOps.Encoders;

namespace PuoAiOps.Application.Tests.Cli;

/// <summary>The sentence encoder behind `--encoder minilm` meets the same long questions as the n-gram features.</summary>
public sealed class LongTextEncoderTests
{
    [Fact]
    public void MiniLm_LongQuestions_GetUnitVectors()
    {
        var encoder = new MiniLmTextEncoder();
        string[] texts = ["short", string.Concat(Enumerable.Repeat("my live stream keeps buffering ", 200)), new string('a', 100_000),
            string.Concat(Enumerable.Repeat("直播卡顿", 5_000))];
        var vectors = new float[texts.Length * encoder.Dimensions];
        encoder.Encode(texts, vectors, TestContext.Current.CancellationToken);
        for (var i = 0; i < texts.Length; i++)
        {
            var norm = Math.Sqrt(vectors.AsSpan(i * encoder.Dimensions, encoder.Dimensions).ToArray().Sum(v => (double)v * v));
            Assert.InRange(norm, 0.99, 1.01);
        }
    }
}
