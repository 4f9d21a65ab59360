namespace PuoAiOps.Core.Classification;

/// <summary>
/// Picks the confidence threshold on validation data: the lowest threshold that rejects at least
/// the target share of out-of-scope questions, which keeps the most in-scope answers for that recall.
/// </summary>
internal static class ThresholdTuner
{
    /// <param name="confidence">Top calibrated probability per validation question.</param>
    /// <param name="predictedOutOfScope">True where the out-of-scope class itself won (rejected at any threshold).</param>
    /// <param name="isOutOfScope">True where the question's true label is out of scope.</param>
    public static float Tune(float[] confidence, bool[] predictedOutOfScope, bool[] isOutOfScope, float targetRecall)
    {
        var oosTotal = isOutOfScope.Count(o => o);
        if (oosTotal == 0) return 0f;
        var needed = (int)Math.Ceiling(targetRecall * oosTotal - 1e-9);
        var caught = 0;
        var candidates = new List<float>();
        for (var i = 0; i < confidence.Length; i++)
        {
            if (!isOutOfScope[i]) continue;
            if (predictedOutOfScope[i]) caught++;
            else candidates.Add(confidence[i]);
        }
        if (caught >= needed) return 0f;
        candidates.Sort();
        // Rejecting the (needed - caught) least confident remaining ones reaches the target.
        var last = candidates[needed - caught - 1];
        var next = needed - caught < candidates.Count ? candidates[needed - caught] : 1f;
        // Halfway to the next out-of-scope confidence: the validation result holds with some room either side.
        return last == next ? MathF.BitIncrement(last) : (last + next) / 2f;
    }
}
