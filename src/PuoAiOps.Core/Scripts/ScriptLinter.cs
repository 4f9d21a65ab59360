using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Scripts;

/// <summary>
/// Checks a script body against the style rules. Runs on every save, so it never throws on any
/// input: every problem becomes a finding with its position. Errors block submission for review;
/// warnings are advice. Text past <see cref="MaxAnalysedLength"/> is reported as too long and not
/// analysed further, which keeps the cost bounded for pasted novels.
/// </summary>
public static class ScriptLinter
{
    public const int MaxAnalysedLength = 20_000;

    public static IReadOnlyList<LintFinding> Lint(string? body, IReadOnlyList<ScriptVariable>? declared, StyleRules rules, PiiRedactor? redactor = null)
    {
        body ??= "";
        declared ??= [];
        var findings = new List<LintFinding>();
        if (string.IsNullOrWhiteSpace(body))
        {
            findings.Add(new(LintRules.Empty, LintSeverity.Error, CodedMessage.Of(LintMessage.Empty), 0, body.Length));
            return findings;
        }
        if (body.Length > rules.MaxLength)
            findings.Add(new(LintRules.MaxLength, LintSeverity.Error,
                CodedMessage.Of(LintMessage.TooLong, body.Length, rules.MaxLength), Math.Min(rules.MaxLength, body.Length), body.Length));
        var text = body.Length > MaxAnalysedLength ? body[..MaxAnalysedLength] : body;

        var placeholders = ScriptPlaceholders.Parse(text);
        var links = TextScan.Links(text);
        var masked = TextScan.MaskPlaceholdersAndLinks(text, placeholders, links);

        VariableChecks.Run(text, placeholders, declared, findings);
        PhraseChecks.Run(masked, rules, findings);
        StructureChecks.Run(masked, rules, findings);
        LinkChecks.Run(links, rules, findings);
        foreach (System.Text.RegularExpressions.Match m in TextScan.HtmlTag().Matches(masked))
            findings.Add(new(LintRules.Html, LintSeverity.Error, CodedMessage.Of(LintMessage.Html), m.Index, m.Index + m.Length));
        if (rules.CheckPersonalData) PersonalData(masked, redactor ?? PiiRedactor.Default, findings);

        return findings.OrderBy(f => f.Start).ThenBy(f => f.End).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
    }

    public static bool HasErrors(IEnumerable<LintFinding> findings) => findings.Any(f => f.Severity == LintSeverity.Error);

    private static void PersonalData(string masked, PiiRedactor redactor, List<LintFinding> findings)
    {
        try
        {
            foreach (var span in redactor.Find(masked))
                findings.Add(new(LintRules.PersonalData, LintSeverity.Error,
                    CodedMessage.Of(LintMessage.PersonalData, span.Name), span.Start, span.End));
        }
        catch (PiiRedactionTimeoutException ex)
        {
            findings.Add(new(LintRules.PersonalData, LintSeverity.Warning, CodedMessage.Of(LintMessage.PersonalDataUnfinished, ex.Message), 0, 0));
        }
    }
}
