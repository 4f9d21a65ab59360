using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Core.Tests.Classification;

namespace PuoAiOps.Core.Tests.Scripts;

/// <summary>Real agent answers (../shared/data/bitext-customer-support): every imported placeholder becomes a declared variable.</summary>
public sealed class BitextStandardizeTests
{
    [Fact]
    public void Standardize_BitextResponses_LeavesNoMalformedOrUndeclaredPlaceholder()
    {
        var dir = Requirements.SharedData("bitext-customer-support");
        var file = Directory.GetFiles(dir, "*.csv").Single();
        using var reader = new StreamReader(file);
        var csv = new CsvRecordReader(reader);
        Assert.True(csv.TryRead(out var header, out _));
        var response = header.IndexOf("response");
        var rules = StyleRuleDefaults.For("en", ScriptChannels.Email) with { MaxLength = 20_000 };

        var checkedAnswers = 0;
        var withImportedPlaceholders = 0;
        while (checkedAnswers < 500 && csv.TryRead(out var fields, out _))
        {
            var answer = fields[response];
            if (ScriptPlaceholders.Parse(answer).Any(p => !p.IsWellFormed)) withImportedPlaceholders++;
            var result = ScriptStandardizer.Standardize(answer, rules);
            var problems = ScriptLinter.Lint(result.Body, result.Variables, rules)
                .Where(f => f.Rule is LintRules.Placeholder or LintRules.UndeclaredVariable or LintRules.Variables or LintRules.Greeting or LintRules.Closing).ToList();
            Assert.True(problems.Count == 0, $"{answer}\n=>\n{result.Body}\n{string.Join("\n", problems.Select(p => p.Message))}");
            checkedAnswers++;
        }
        Assert.Equal(500, checkedAnswers);
        Assert.True(withImportedPlaceholders > 100, $"only {withImportedPlaceholders} answers had {{{{Title Case}}}} placeholders");
    }
}
