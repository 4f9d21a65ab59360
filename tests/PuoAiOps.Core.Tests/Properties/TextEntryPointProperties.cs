using CsCheck;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Tests.Classification;
using PuoAiOps.Core.Text;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Properties;

/// <summary>
/// Every public text entry point of Core over <see cref="HostileText"/>: nothing throws, the
/// normal form is clean, tokens are slices of it, predictions are deterministic and redaction is
/// idempotent and bounded. A failure prints the CsCheck seed that reproduces it.
/// </summary>
public sealed class TextEntryPointProperties
{
    private static readonly IntentModel Model = IntentTrainer.Train(
        SyntheticIntents.Generate(20, seed: 31, outOfScope: 10), SyntheticIntents.Generate(5, seed: 32, outOfScope: 5),
        new TrainerOptions { Seed = 3 }, CancellationToken.None).Model;

    [Fact]
    public void Normalize_AnyText_IsTrimmedSingleSpacedLowerCaseAndMatchesTheBufferForm()
    {
        HostileText.Text.Sample(text =>
        {
            var normalized = TextNormalizer.Normalize(text);
            Assert.False(normalized.StartsWith(' ') || normalized.EndsWith(' '), "leading or trailing space");
            Assert.DoesNotContain("  ", normalized, StringComparison.Ordinal);
            Assert.False(normalized.Any(c => char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' ')), "control or other white space left");
            var buffer = new char[1];
            var length = TextNormalizer.Normalize(text, ref buffer);
            Assert.Equal(normalized, new string(buffer, 0, length));
            Assert.Equal(64, TextNormalizer.Hash(text).Length);
        }, iter: 400);
    }

    [Fact]
    public void Tokenize_AnyText_GivesNonEmptyOrderedSlicesOfTheNormalForm()
    {
        HostileText.Text.Sample(text =>
        {
            var normalized = TextNormalizer.Normalize(text);
            var end = 0;
            foreach (var token in Tokenizer.Enumerate(normalized))
            {
                Assert.True(token.Length > 0 && token.Start >= end && token.Start + token.Length <= normalized.Length);
                end = token.Start + token.Length;
            }
            Assert.All(Tokenizer.Tokenize(text), t => Assert.NotEqual("", t));
        }, iter: 400);
    }

    [Fact]
    public void Predict_AnyText_IsDeterministicAndAgreesWithTheBatchPaths()
    {
        HostileText.Text.Sample(text =>
        {
            var first = Model.Predict(text);
            var again = Model.Predict(text);
            Assert.Equal(first.Label, again.Label);
            Assert.Equal(first.Confidence, again.Confidence);
            Assert.Equal(first.TopK, again.TopK);
            Assert.InRange(first.Confidence, 0f, 1f);

            var tops = new int[1];
            var confidences = new float[1];
            Model.PredictBatch([text], tops, confidences);
            Assert.Equal(first.Label, Model.Decide(tops[0], confidences[0]));
            Assert.Equal(first.Confidence, confidences[0]);
            var (parallelTops, parallelConfidences) = Model.PredictParallel([text, text]);
            Assert.Equal([tops[0], tops[0]], parallelTops);
            Assert.Equal([confidences[0], confidences[0]], parallelConfidences);
        }, iter: 250);
    }

    [Fact]
    public void Train_AnyTexts_BuildsAModelThatPredictsThem()
    {
        // Training featurises every text too: hostile training data must not break it either.
        var labelled = Gen.Select(HostileText.Short.Array[6, 30], Gen.Int[2, 4]).Select((texts, labels) =>
            texts.Select((t, i) => new LabeledText(t + " w" + (i % labels), "l" + (i % labels))).ToArray());
        labelled.Sample(data =>
        {
            var model = IntentTrainer.Train(data, null, new TrainerOptions { Seed = 1, MaxThreads = 1 }, CancellationToken.None).Model;
            foreach (var item in data) Assert.Contains(model.Predict(item.Text).Label, model.Labels.Append(model.OutOfScopeLabel));
        }, iter: 20, threads: 1);
    }

    [Fact]
    public void Redact_AnyText_IsIdempotentAndBounded()
    {
        var redactor = new PiiRedactor();
        HostileText.Text.Sample(text =>
        {
            var once = redactor.Redact(text);
            var twice = redactor.Redact(once.Text);
            Assert.Equal(once.Text, twice.Text);
            Assert.False(twice.Changed, "a second pass found more to redact");
            // Markers are at most 11 characters and replace matches of at least 3: the text can grow, but boundedly.
            Assert.True(once.Text.Length <= (2 * text.Length) + 16, $"{text.Length} characters became {once.Text.Length}");
            Assert.Equal(once.Changed, once.Total > 0);
        }, iter: 400);
    }
}
