using System.Numerics;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// Turns normalised text into 64-bit n-gram hashes without allocating substrings. The hash is
/// FNV-1a over UTF-16 units with a per-kind seed, finished by a 64-bit mixer; it is part of the
/// model format, so it must never change for a given <see cref="FormatVersion"/>.
/// </summary>
internal static class NgramHasher
{
    public const int FormatVersion = 1;

    private const ulong Prime = 0x100000001B3UL;
    private const ulong WordSeed = 0xCBF29CE484222325UL;
    private const ulong CharSeed = 0x84222325CBF29CE4UL;
    private const ulong CjkSeed = 0x9E3779B97F4A7C15UL;
    private const ulong NgramSeed = 0xD6E8FEB86659FD93UL;
    private const int MaxWordsTracked = 4;

    public static void Hash(ReadOnlySpan<char> text, FeatureOptions options, FeatureScratch scratch)
    {
        scratch.ResetHashes();
        Span<ulong> previous = stackalloc ulong[MaxWordsTracked];
        var run = 0; // consecutive words so far, for word n-grams (a CJK run breaks the chain)
        foreach (var token in Tokenizer.Enumerate(text))
        {
            var slice = token.Slice(text);
            if (token.Kind == TokenKind.Cjk)
            {
                HashCjk(slice, options.CjkNgramMax, scratch);
                run = 0;
                continue;
            }
            var word = HashChars(WordSeed, slice, options.FoldDigits);
            scratch.AddWord(Mix(word));
            for (var n = 2; n <= options.WordNgramMax && n <= run + 1; n++)
            {
                var h = word ^ NgramSeed;
                for (var back = 0; back < n - 1; back++)
                    h = BitOperations.RotateLeft(h, 23) ^ previous[back] ^ (ulong)n;
                scratch.AddWord(Mix(h));
            }
            for (var i = MaxWordsTracked - 1; i > 0; i--) previous[i] = previous[i - 1];
            previous[0] = word;
            run++;
            HashCharNgrams(slice, options, scratch);
        }
    }

    private static void HashCharNgrams(ReadOnlySpan<char> word, FeatureOptions options, FeatureScratch scratch)
    {
        // The word padded with one space each side, as in char_wb: prefixes and suffixes get their own n-grams.
        var padded = word.Length + 2;
        for (var start = 0; start < padded; start++)
        {
            var h = CharSeed;
            var end = Math.Min(padded, start + options.CharNgramMax);
            for (var j = start; j < end; j++)
            {
                var c = j == 0 || j == padded - 1 ? ' ' : Fold(word[j - 1], options.FoldDigits);
                h = (h ^ c) * Prime;
                if (j - start + 1 >= options.CharNgramMin) scratch.AddChar(Mix(h));
            }
        }
    }

    private static void HashCjk(ReadOnlySpan<char> run, int maxN, FeatureScratch scratch)
    {
        for (var start = 0; start < run.Length; start++)
        {
            var h = CjkSeed;
            var end = Math.Min(run.Length, start + maxN);
            for (var j = start; j < end; j++)
            {
                h = (h ^ run[j]) * Prime;
                scratch.AddWord(Mix(h));
            }
        }
    }

    private static ulong HashChars(ulong seed, ReadOnlySpan<char> chars, bool foldDigits)
    {
        var h = seed;
        foreach (var c in chars) h = (h ^ Fold(c, foldDigits)) * Prime;
        return h;
    }

    private static char Fold(char c, bool foldDigits) => foldDigits && char.IsAsciiDigit(c) ? '0' : c;

    /// <summary>Final avalanche (splitmix64) so that similar n-grams land far apart.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
