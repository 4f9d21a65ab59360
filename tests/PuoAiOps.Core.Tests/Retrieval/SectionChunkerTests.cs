using CsCheck;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Core.Tests.Retrieval;

public sealed class SectionChunkerTests
{
    private static readonly TextBlock[] Refunds =
    [
        TextBlock.Heading(1, "Refund policy"),
        TextBlock.Body("This page is the reference for refunds."),
        TextBlock.Heading(2, "What can be refunded"),
        TextBlock.Body("Unused coins within 14 days."),
        TextBlock.Heading(3, "Gifts"),
        TextBlock.Body("Gifts already sent are not refundable."),
        TextBlock.Heading(2, "Who decides"),
        TextBlock.Body("Apple decides App Store refunds."),
        TextBlock.Heading(2, "Empty section"),
    ];

    [Fact]
    public void Chunk_SplitsByHeadingsWithTheHeadingPath()
    {
        var chunks = SectionChunker.Chunk("Refund policy", Refunds);

        Assert.Equal(["Refund policy", "Refund policy › What can be refunded", "Refund policy › What can be refunded › Gifts", "Refund policy › Who decides"],
            chunks.Select(c => c.Heading));
        Assert.Equal("Gifts already sent are not refundable.", chunks[2].Text);
        Assert.Equal([0, 1, 2, 3], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Chunk_HashesStayTheSameForUnchangedSectionsWhenAnotherChanges()
    {
        var before = SectionChunker.Chunk("Refund policy", Refunds);
        var edited = Refunds.Select(b => b.Text == "Apple decides App Store refunds." ? TextBlock.Body("Apple or Google decide store refunds.") : b).ToArray();
        var after = SectionChunker.Chunk("Refund policy", edited);

        Assert.Equal(before.Take(3).Select(c => c.ContentHash), after.Take(3).Select(c => c.ContentHash));
        Assert.NotEqual(before[3].ContentHash, after[3].ContentHash);
    }

    [Fact]
    public void Chunk_GivesRepeatedIdenticalSectionsDistinctHashes()
    {
        TextBlock[] blocks = [TextBlock.Heading(2, "Note"), TextBlock.Body("Same."), TextBlock.Heading(2, "Note"), TextBlock.Body("Same.")];

        var chunks = SectionChunker.Chunk("Doc", blocks);

        Assert.Equal(2, chunks.Select(c => c.ContentHash).Distinct().Count());
    }

    [Fact]
    public void Chunk_SplitsLongSectionsWithinTheLimitAndOverlaps()
    {
        var sentences = Enumerable.Range(1, 80).Select(i => $"Sentence number {i} explains one step of the payout.");
        var options = new ChunkerOptions { MaxChars = 400, OverlapChars = 60 };

        var chunks = SectionChunker.Chunk("Payouts", [TextBlock.Body(string.Join(' ', sentences))], options);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 400, $"{c.Text.Length} chars"));
        // The last words of one piece open the next.
        for (var i = 1; i < chunks.Count; i++)
            Assert.Contains(chunks[i - 1].Text[^20..].Split(' ')[^1], chunks[i].Text[..100], StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_SplitsChineseTextWithoutSpaces()
    {
        var text = string.Concat(Enumerable.Repeat("充值成功后金币通常在五分钟内到账。", 100));

        var chunks = SectionChunker.Chunk("充值", [TextBlock.Body(text)], new ChunkerOptions { MaxChars = 300, OverlapChars = 30 });

        Assert.True(chunks.Count >= 6);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 300));
    }

    [Fact]
    public void Chunk_KeepsEveryWordAndRespectsTheLimit_ForAnyText()
    {
        var word = Gen.String[Gen.Char.AlphaNumeric, 1, 12];
        var paragraph = word.List[1, 60].Select(w => string.Join(' ', w));
        Gen.Select(paragraph.List[1, 12], Gen.Int[200, 800]).Sample((paragraphs, max) =>
        {
            var blocks = paragraphs.Select(TextBlock.Body).ToList();
            var chunks = SectionChunker.Chunk("T", blocks, new ChunkerOptions { MaxChars = max, OverlapChars = max / 5 });
            var joined = string.Join(' ', chunks.Select(c => c.Text));
            foreach (var w in paragraphs.SelectMany(p => p.Split(' ')).Where(w => w.Length <= 12))
                Assert.Contains(w, joined, StringComparison.Ordinal);
            Assert.All(chunks, c => Assert.True(c.Text.Length <= max));
        }, iter: 200);
    }
}
