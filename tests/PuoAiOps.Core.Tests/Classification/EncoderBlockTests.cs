using PuoAiOps.Core.Classification;

namespace PuoAiOps.Core.Tests.Classification;

/// <summary>The sentence-encoder feature block: training with it, storing it, and refusing to run without it.</summary>
public class EncoderBlockTests
{
    private static readonly TrainerOptions Options = new() { Seed = 7 };

    [Fact]
    public void Encoder_CarriesMeaningTheNgramsCannotSee()
    {
        var train = SyntheticIntents.Generate(40, seed: 1);
        var plain = IntentTrainer.Train(train, null, Options, TestContext.Current.CancellationToken).Model;
        var encoded = IntentTrainer.Train(train, null, Options with { Encoder = new ConceptEncoder() }, TestContext.Current.CancellationToken).Model;

        // "credentials" and "凭证" never occur in training; only the encoder knows they mean a password.
        Assert.Equal("password", encoded.Predict("credentials credentials credentials").Label);
        Assert.NotEqual("password", plain.Predict("credentials credentials credentials").TopK[0].Label);
        Assert.Equal("password", encoded.Predict("凭证").TopK[0].Label);
        Assert.Equal(ConceptEncoder.EncoderName, encoded.Info.Encoder);
        Assert.Equal(ConceptEncoder.Size, encoded.Info.EncoderDimensions);
    }

    [Fact]
    public void Load_NeedsTheSameEncoderBeforePredicting()
    {
        var options = Options with { Encoder = new ConceptEncoder() };
        var model = IntentTrainer.Train(SyntheticIntents.Generate(20, seed: 2), null, options, TestContext.Current.CancellationToken).Model;
        var bytes = model.ToBytes();
        Assert.Equal(bytes, IntentTrainer.Train(SyntheticIntents.Generate(20, seed: 2), null, options with { MaxThreads = 1 },
            TestContext.Current.CancellationToken).Model.ToBytes());

        var loaded = IntentModel.FromBytes(bytes);
        Assert.True(loaded.NeedsEncoder);
        Assert.Contains("concepts-test", Assert.Throws<InvalidOperationException>(() => loaded.Predict("reset my password")).Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => loaded.WithEncoder(new ConceptEncoder("other-encoder")));

        var attached = loaded.WithEncoder(new ConceptEncoder());
        Assert.False(attached.NeedsEncoder);
        Assert.Equal(bytes, attached.ToBytes());
        foreach (var text in new[] { "reset my password", "credentials locked", "直播卡顿", "pizza moon" })
            Assert.Equal(model.Predict(text).TopK, attached.Predict(text).TopK);
        var texts = SyntheticIntents.Generate(3, seed: 9).Select(t => t.Text).ToArray();
        var (tops, confidences) = attached.PredictParallel(texts);
        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(model.Predict(texts[i]).Confidence, confidences[i]);
        Assert.Equal(texts.Length, tops.Length);
    }

    [Fact]
    public void PlainModel_HasNoEncoderAndLoadsWithoutOne()
    {
        var model = IntentTrainer.Train(SyntheticIntents.Generate(10, seed: 3), null, Options, TestContext.Current.CancellationToken).Model;
        var loaded = IntentModel.FromBytes(model.ToBytes());
        Assert.Null(loaded.Info.Encoder);
        Assert.False(loaded.NeedsEncoder);
        Assert.Equal(model.Predict("reset my password").Label, loaded.Predict("reset my password").Label);
    }

    /// <summary>A stand-in for a pre-trained encoder: a few concepts, each known by words in both languages.</summary>
    private sealed class ConceptEncoder(string name = ConceptEncoder.EncoderName) : ITextEncoder
    {
        public const string EncoderName = "concepts-test";
        public const int Size = 4;

        private static readonly string[][] Concepts =
        [
            ["password", "login", "credentials", "凭证", "密码"],
            ["refund", "money", "reimburse"],
            ["stream", "live", "broadcast", "直播"],
            ["gift", "coins", "present"],
        ];

        public string Name => name;
        public int Dimensions => Size;

        public void Encode(IReadOnlyList<string> texts, Span<float> destination, CancellationToken cancellationToken = default)
        {
            for (var t = 0; t < texts.Count; t++)
            {
                var row = destination.Slice(t * Size, Size);
                row.Clear();
                for (var c = 0; c < Concepts.Length; c++)
                    foreach (var word in Concepts[c])
                        if (texts[t].Contains(word, StringComparison.Ordinal)) row[c] += 1f;
                var norm = MathF.Sqrt(row[0] * row[0] + row[1] * row[1] + row[2] * row[2] + row[3] * row[3]);
                if (norm > 0) for (var c = 0; c < Size; c++) row[c] /= norm;
            }
        }
    }
}
