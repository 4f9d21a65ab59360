using DiffPlex;

namespace PuoAiOps.Core.Scripts;

public enum DiffKind { Equal, Deleted, Inserted }

/// <summary>A run of text that both versions share, or that only the old (deleted) or new (inserted) one has.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// Word-level diff between two script bodies (DiffPlex's Myers diff). Latin text is compared by
/// words, Chinese by character (it has no spaces between words), mixed text by both.
/// </summary>
public static class ScriptDiff
{
    public static IReadOnlyList<DiffSegment> Compute(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, MixedChunker.Instance);
        var a = result.PiecesOld;
        var b = result.PiecesNew;
        var segments = new List<DiffSegment>();
        var ia = 0;
        foreach (var block in result.DiffBlocks)
        {
            // Unchanged pieces before the block are the same on both sides.
            Add(segments, DiffKind.Equal, a, ia, block.DeleteStartA - ia);
            Add(segments, DiffKind.Deleted, a, block.DeleteStartA, block.DeleteCountA);
            Add(segments, DiffKind.Inserted, b, block.InsertStartB, block.InsertCountB);
            ia = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, DiffKind.Equal, a, ia, a.Count - ia);
        return segments;
    }

    /// <summary>The old text, rebuilt from a diff (equal + deleted); the new one is equal + inserted.</summary>
    public static string Side(IEnumerable<DiffSegment> diff, bool newSide) =>
        string.Concat(diff.Where(s => s.Kind == DiffKind.Equal || s.Kind == (newSide ? DiffKind.Inserted : DiffKind.Deleted)).Select(s => s.Text));

    private static void Add(List<DiffSegment> segments, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0) return;
        var text = string.Concat(Enumerable.Range(start, count).Select(i => pieces[i]));
        if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else segments.Add(new DiffSegment(kind, text));
    }

    /// <summary>Words (letters/digits), single CJK characters, runs of whitespace, and single other characters.</summary>
    private sealed class MixedChunker : IChunker
    {
        public static readonly MixedChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var chunks = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var start = i;
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length) i += 2;
                else if (TextScan.IsCjk(c) || !(char.IsLetterOrDigit(c) || char.IsWhiteSpace(c))) i++;
                else
                {
                    var whitespace = char.IsWhiteSpace(c);
                    while (i < text.Length && !TextScan.IsCjk(text[i]) && (whitespace ? char.IsWhiteSpace(text[i]) : char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '_'))
                        i++;
                }
                chunks.Add(text[start..i]);
            }
            return chunks;
        }
    }
}
