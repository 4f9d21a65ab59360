namespace PuoAiOps.Encoders;

/// <summary>Which offline sentence encoder a host offers (section <c>Encoders</c>).</summary>
public sealed class EncoderOptions
{
    public const string SectionName = "Encoders";

    /// <summary>
    /// <see cref="SentenceEncoderKind.MiniLm"/> (the default) registers the shared all-MiniLM-L6-v2
    /// generator; <see cref="SentenceEncoderKind.None"/> registers none, so retrieval is keyword-only.
    /// </summary>
    public SentenceEncoderKind SentenceEncoder { get; set; } = SentenceEncoderKind.MiniLm;

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(SentenceEncoder))
            yield return $"{SectionName}:SentenceEncoder must be MiniLm or None.";
    }
}

public enum SentenceEncoderKind { MiniLm, None }
