using System.Text.RegularExpressions;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Redaction;

/// <summary>
/// Runs the labelled corpus (pii-corpus.tsv: category, input, expected) and checks recall per kind
/// and that negatives (Luhn-invalid numbers, order references, clean text) come out untouched.
/// </summary>
public sealed partial class RedactionCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] Markers = ["<EMAIL>", "<PHONE>", "<CARD>", "<ID_NUMBER>", "<IBAN>", "<IP>", "<URL>", "<USER_ID>"];

    internal sealed record Case(int Line, string Category, string Input, string Expected);

    internal static IReadOnlyList<Case> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Redaction", "pii-corpus.tsv");
        var cases = new List<Case>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("category\t", StringComparison.Ordinal)) continue;
            var cols = line.Split('\t');
            Assert.True(cols.Length == 3, $"pii-corpus.tsv line {i + 1}: expected 3 columns");
            cases.Add(new Case(i + 1, cols[0], cols[1], cols[2]));
        }
        return cases;
    }

    internal static PiiRedactor CorpusRedactor() => new([new CustomPiiPattern("user_id", @"uid:\d{6,12}")]);

    [Fact]
    public void Corpus_HasEnoughCasesInBothLanguages()
    {
        var cases = Load();
        Assert.True(cases.Count >= 200, $"{cases.Count} cases");
        Assert.Contains(cases, c => c.Input.Any(ch => ch >= '\u4E00' && ch <= '\u9FFF'));
        Assert.Contains(cases, c => AsciiWord().IsMatch(c.Input));
    }

    [Fact]
    public void Redact_CorpusRecallPerTypeMeetsTargets()
    {
        var redactor = CorpusRedactor();
        var expected = Markers.ToDictionary(m => m, _ => 0);
        var found = Markers.ToDictionary(m => m, _ => 0);
        var mismatches = 0;
        foreach (var c in Load())
        {
            var actual = redactor.Redact(c.Input).Text;
            if (actual != c.Expected)
            {
                mismatches++;
                output.WriteLine($"line {c.Line} [{c.Category}]\n  in:  {c.Input}\n  got: {actual}\n  exp: {c.Expected}");
            }
            foreach (var marker in Markers)
            {
                var e = Occurrences(c.Expected, marker) - Occurrences(c.Input, marker);
                var a = Occurrences(actual, marker) - Occurrences(c.Input, marker);
                expected[marker] += e;
                found[marker] += Math.Min(e, a);
            }
        }
        foreach (var marker in Markers)
            output.WriteLine($"{marker}: recall {Recall(found[marker], expected[marker]):F3} ({found[marker]}/{expected[marker]})");

        // A kind with no labelled case would pass its recall target without being tested.
        Assert.All(Markers, m => Assert.True(expected[m] >= 10, $"{m}: only {expected[m]} labelled occurrences"));
        Assert.True(Recall(found["<EMAIL>"], expected["<EMAIL>"]) >= 0.99, "email recall");
        Assert.True(Recall(found["<CARD>"], expected["<CARD>"]) >= 0.99, "card recall");
        Assert.True(Recall(found["<PHONE>"], expected["<PHONE>"]) >= 0.95, "phone recall");
        Assert.True(Recall(found["<ID_NUMBER>"], expected["<ID_NUMBER>"]) >= 0.95, "ID number recall");
        Assert.True(Recall(found["<IBAN>"], expected["<IBAN>"]) >= 0.95, "IBAN recall");
        Assert.True(Recall(found["<IP>"], expected["<IP>"]) >= 0.95, "IP recall");
        Assert.True(Recall(found["<URL>"], expected["<URL>"]) >= 0.95, "URL recall");
        Assert.True(Recall(found["<USER_ID>"], expected["<USER_ID>"]) >= 0.99, "custom pattern recall");
        Assert.True(mismatches <= Load().Count / 50, $"{mismatches} cases differ from the expected output");
    }

    [Theory]
    [InlineData("luhn_invalid")]
    [InlineData("order_number")]
    [InlineData("clean")]
    public void Redact_LeavesNegativeCasesUntouched(string category)
    {
        var redactor = CorpusRedactor();
        var cases = Load().Where(c => c.Category == category).ToList();
        Assert.NotEmpty(cases);
        var falsePositives = cases
            .Select(c => (c, result: redactor.Redact(c.Input)))
            .Where(x => x.result.Changed)
            .Select(x => $"line {x.c.Line}: {x.c.Input} -> {x.result.Text}")
            .ToList();
        Assert.True(falsePositives.Count == 0, string.Join("\n", falsePositives));
    }

    private static double Recall(int found, int expected) => expected == 0 ? 1 : (double)found / expected;

    private static int Occurrences(string text, string marker)
    {
        var count = 0;
        for (var i = text.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = text.IndexOf(marker, i + marker.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [GeneratedRegex("[A-Za-z]{4,}")]
    private static partial Regex AsciiWord();
}
