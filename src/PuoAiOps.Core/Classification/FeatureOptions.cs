namespace PuoAiOps.Core.Classification;

/// <summary>
/// How text becomes features: hashed word 1..<see cref="WordNgramMax"/>-grams and CJK character
/// 1..<see cref="CjkNgramMax"/>-grams (the "word" block), and character
/// <see cref="CharNgramMin"/>..<see cref="CharNgramMax"/>-grams inside space-padded words (the
/// "char" block). Each block is TF-IDF weighted (sublinear TF) and L2-normalised on its own.
/// </summary>
public sealed record FeatureOptions
{
    public int WordNgramMax { get; init; } = 2;
    public int CharNgramMin { get; init; } = 2;
    public int CharNgramMax { get; init; } = 5;
    public int CjkNgramMax { get; init; } = 3;

    /// <summary>Features seen in fewer training texts are dropped (rare char n-grams are mostly noise).</summary>
    public int WordMinDf { get; init; } = 1;
    public int CharMinDf { get; init; } = 2;

    /// <summary>Relative weight of the char block after both blocks are normalised.</summary>
    public float CharBlockWeight { get; init; } = 1f;

    /// <summary>All digits hash as '0': order numbers and amounts generalise by shape.</summary>
    public bool FoldDigits { get; init; } = true;

    internal void Validate()
    {
        if (WordNgramMax is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(WordNgramMax), "Word n-grams must be 1..4.");
        if (CharNgramMin < 1 || CharNgramMax < CharNgramMin || CharNgramMax > 8)
            throw new ArgumentOutOfRangeException(nameof(CharNgramMax), "Char n-grams must satisfy 1 <= min <= max <= 8.");
        if (CjkNgramMax is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(CjkNgramMax), "CJK n-grams must be 1..4.");
        if (WordMinDf < 1 || CharMinDf < 1) throw new ArgumentOutOfRangeException(nameof(WordMinDf), "Minimum document frequency must be >= 1.");
        if (!(CharBlockWeight >= 0)) throw new ArgumentOutOfRangeException(nameof(CharBlockWeight), "Block weight must be >= 0.");
    }
}
