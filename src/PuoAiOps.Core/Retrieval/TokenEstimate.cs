using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Rough size for context budgeting: about 1.3 tokens per Latin word and one per CJK character,
/// close to common subword tokenizers without depending on one.
/// </summary>
public static class TokenEstimate
{
    public static int Of(string text)
    {
        var words = 0;
        var cjk = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            if (TextNormalizer.IsCjk(ch)) { cjk++; inWord = false; }
            else if (char.IsLetterOrDigit(ch)) { if (!inWord) words++; inWord = true; }
            else inWord = false;
        }
        return (int)Math.Ceiling(words * 1.3) + cjk;
    }
}
