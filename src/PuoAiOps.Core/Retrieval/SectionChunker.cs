namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Splits a document into chunks along its headings: each heading (down to
/// <see cref="ChunkerOptions.MaxHeadingLevel"/>) starts a section whose chunk carries the heading
/// path ("Refund policy › Who decides"), so a chunk read alone says what it is about. A section
/// longer than <see cref="ChunkerOptions.MaxChars"/> is cut at paragraph, then sentence, then word
/// boundaries with <see cref="ChunkerOptions.OverlapChars"/> of overlap. A heading with no text
/// under it produces nothing.
/// </summary>
public static class SectionChunker
{
    public const string PathSeparator = " › ";

    public static IReadOnlyList<ChunkDraft> Chunk(string title, IEnumerable<TextBlock> blocks, ChunkerOptions? options = null)
    {
        options ??= new ChunkerOptions();
        var drafts = new List<ChunkDraft>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, body) in Sections(title, blocks, options.MaxHeadingLevel))
        {
            foreach (var piece in TextSplitter.Split(body, options.MaxChars, options.OverlapChars))
            {
                // Identical chunks in one document (a repeated disclaimer) get distinct, still stable, hashes.
                var baseHash = ContentHash.Of(path, piece);
                var repeat = seen.TryGetValue(baseHash, out var n) ? n + 1 : 0;
                seen[baseHash] = repeat;
                var hash = repeat == 0 ? baseHash : ContentHash.Of(path, piece, repeat.ToString(System.Globalization.CultureInfo.InvariantCulture));
                drafts.Add(new ChunkDraft(drafts.Count, path, piece, hash, TokenEstimate.Of(piece)));
            }
        }
        return drafts;
    }

    /// <summary>(heading path, body text) per section in order; the text before the first heading is headed by the title.</summary>
    internal static IEnumerable<(string Path, string Body)> Sections(string title, IEnumerable<TextBlock> blocks, int maxLevel)
    {
        var trail = new List<(int Level, string Text)>();
        var body = new List<string>();
        string Path() => trail.Count == 0 ? title : string.Join(PathSeparator, Prefix(title, trail));

        foreach (var block in blocks)
        {
            var text = block.Text.Trim();
            if (text.Length == 0) continue;
            if (block.IsHeading && block.HeadingLevel <= maxLevel)
            {
                if (body.Count > 0) yield return (Path(), string.Join('\n', body));
                body.Clear();
                // A level-1 heading equal to the title is the title itself, not a section.
                if (block.HeadingLevel == 1 && string.Equals(text, title, StringComparison.OrdinalIgnoreCase)) { trail.Clear(); continue; }
                trail.RemoveAll(h => h.Level >= block.HeadingLevel);
                trail.Add((block.HeadingLevel, text));
            }
            else
            {
                body.Add(text);
            }
        }
        if (body.Count > 0) yield return (Path(), string.Join('\n', body));
    }

    private static IEnumerable<string> Prefix(string title, List<(int Level, string Text)> trail)
    {
        if (title.Length > 0 && !string.Equals(trail[0].Text, title, StringComparison.OrdinalIgnoreCase)) yield return title;
        foreach (var (_, text) in trail) yield return text;
    }
}
