using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Tests.Redaction;

public sealed class CustomPatternTests
{
    [Fact]
    public void Redact_ReplacesAdminPatternWithNamedMarker()
    {
        var redactor = new PiiRedactor([new CustomPiiPattern("User ID", @"uid:\d{6,12}")]);
        var result = redactor.Redact("ban uid:12345678 and uid:87654321, not uid:12");
        Assert.Equal("ban <USER_ID> and <USER_ID>, not uid:12", result.Text);
        Assert.Equal(2, result.CustomCount(0));
        Assert.Equal(2, result.Count(PiiType.Custom));
        Assert.Equal(["USER_ID"], redactor.CustomPatternNames);
    }

    [Fact]
    public void Redact_CustomPatternsAndBuiltInsShareOneText()
    {
        var redactor = new PiiRedactor([new CustomPiiPattern("room", @"(?i)room-\d{4}")]);
        Assert.Equal("<ROOM> by <EMAIL>", redactor.RedactText("ROOM-1234 by a@b.com"));
    }

    [Fact]
    public void Constructor_ListsEveryInvalidPattern()
    {
        var ex = Assert.Throws<InvalidPiiPatternException>(() => new PiiRedactor(
        [
            new CustomPiiPattern("ok", @"\d+"),
            new CustomPiiPattern("broken", @"uid:(\d+"),
            new CustomPiiPattern("email", @"x"),
            new CustomPiiPattern("ok", @"y"),
            new CustomPiiPattern("   ", @"z"),
        ]));
        Assert.Equal(4, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Name == "broken" && e.Reason.Length > 0);
        Assert.Contains("built-in", ex.Errors.Single(e => e.Name == "email").Reason);
        Assert.Contains("also named", ex.Errors.Single(e => e.Pattern == "y").Reason);
        // Each reason is a code the admin page words; the regex engine's sentence is only the detail of NotARegex.
        Assert.Equal(CodedMessage.Of(PiiPatternProblem.BuiltInMarker, "EMAIL"), ex.Errors.Single(e => e.Name == "email").Problem);
        Assert.Equal(PiiPatternProblem.NotARegex, ex.Errors.Single(e => e.Name == "broken").Problem.Code);
        Assert.Contains("'broken'", ex.Message);
    }

    [Fact]
    public void Validate_ReturnsNoErrorsForGoodPatterns() =>
        Assert.Empty(PiiRedactor.Validate([new CustomPiiPattern("user_id", @"uid:\d{6,12}")]));

    [Fact]
    public void Compile_PrefersNonBacktrackingAndFallsBackForBackreferences()
    {
        var linear = CompiledPiiPattern.TryCompile(new CustomPiiPattern("a", @"uid:\d+"), TimeSpan.FromSeconds(1), out _);
        var backref = CompiledPiiPattern.TryCompile(new CustomPiiPattern("b", @"(\w)\1"), TimeSpan.FromSeconds(1), out var error);
        Assert.True(linear!.IsNonBacktracking);
        Assert.Null(error);
        Assert.False(backref!.IsNonBacktracking);
        Assert.Equal("<B>xyz", new PiiRedactor([new CustomPiiPattern("b", @"(\w)\1")]).RedactText("aaxyz"));
    }

    [Fact]
    public void Redact_ThrowsWhenABacktrackingPatternTimesOut()
    {
        // A lookbehind needs the backtracking engine; the nested alternation makes it exponential.
        var redactor = new PiiRedactor([new CustomPiiPattern("slow", @"(?<!z)(a|aa)+$")], TimeSpan.FromMilliseconds(20));
        var ex = Assert.Throws<PiiRedactionTimeoutException>(() => redactor.Redact(new string('a', 40) + "c"));
        Assert.Equal("SLOW", ex.PatternName);
    }
}
