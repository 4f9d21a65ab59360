using PuoAiOps.Core.Classification;

namespace PuoAiOps.Core.Tests.Classification;

/// <summary>
/// Questions longer than the featuriser's first buffer (256 characters) used to fail with "Specified
/// argument was out of the range of valid values": the buffer grew, but the span was cut from the old one.
/// Each prediction runs on a new thread, whose per-thread buffers are still at their first size.
/// </summary>
public sealed class LongQuestionTests
{
    private static readonly IntentModel Model = IntentTrainer.Train(
        SyntheticIntents.Generate(30, seed: 11, outOfScope: 20), SyntheticIntents.Generate(8, seed: 12, outOfScope: 8),
        new TrainerOptions { Seed = 5 }, CancellationToken.None).Model;

    [Theory]
    [InlineData(257)]
    [InlineData(4_000)]
    [InlineData(100_000)]
    public void Predict_QuestionLongerThanTheFirstBuffer_AnswersLikeItsOwnWords(int length)
    {
        var question = Repeat("reset my password ", length);
        var prediction = OnFreshThread(() => Model.Predict(question));
        Assert.Equal("password", prediction.Label);
        Assert.Equal(prediction, OnFreshThread(() => Model.Predict(question)), PredictionComparer.Instance);
    }

    [Fact]
    public void Predict_LongCjkAndOneLongWord_DoNotThrow()
    {
        var cjk = Repeat("直播卡顿怎么办", 5_000);
        Assert.Equal("zh_stream", OnFreshThread(() => Model.Predict(cjk)).Label);
        var word = new string('a', 100_000);
        Assert.InRange(OnFreshThread(() => Model.Predict(word)).Confidence, 0f, 1f);
    }

    [Fact]
    public void PredictBatch_LongQuestionAmongShortOnes_ClassifiesEveryOne()
    {
        string[] texts = ["i forgot my password", Repeat("my stream is lagging ", 3_000), "refund my money please", Repeat("gift coins ", 300)];
        var (tops, confidences) = OnFreshThread(() =>
        {
            var t = new int[texts.Length];
            var c = new float[texts.Length];
            Model.PredictBatch(texts, t, c);
            return (t, c);
        });
        Assert.Equal(["password", "stream", "refund", "gift"], tops.Select((t, i) => Model.Decide(t, confidences[i])));
    }

    [Fact]
    public void Evaluate_TestSetWithLongQuestions_ScoresEveryQuestion()
    {
        // Like CLINC150's longest questions (about 430 characters), and one far longer than any other text in this process.
        var test = SyntheticIntents.Generate(4, seed: 13)
            .Select((t, i) => i % 3 == 0 ? t with { Text = Repeat(t.Text + " ", 260 + 20 * i) } : t).ToList();
        test.Add(new LabeledText(Repeat("how do i start a live stream ", 250_000), "stream"));
        var evaluation = IntentEvaluator.Evaluate(Model, test);
        Assert.Equal(test.Count, evaluation.Examples);
        Assert.True(evaluation.Accuracy >= 0.8, $"accuracy {evaluation.Accuracy:P1}");
    }

    private static string Repeat(string piece, int length)
    {
        var text = string.Concat(Enumerable.Repeat(piece, length / piece.Length + 1));
        return text[..length];
    }

    private static T OnFreshThread<T>(Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception ex) { error = ex; }
        });
        thread.Start();
        thread.Join();
        if (error is not null) throw new InvalidOperationException("The prediction threw.", error);
        return result;
    }

    private sealed class PredictionComparer : IEqualityComparer<IntentPrediction>
    {
        public static readonly PredictionComparer Instance = new();

        public bool Equals(IntentPrediction? x, IntentPrediction? y) =>
            x is not null && y is not null && x.Label == y.Label && x.Confidence.Equals(y.Confidence) && x.TopK.SequenceEqual(y.TopK);

        public int GetHashCode(IntentPrediction obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
