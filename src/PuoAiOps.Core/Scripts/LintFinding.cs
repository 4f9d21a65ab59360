namespace PuoAiOps.Core.Scripts;

public enum LintSeverity { Warning, Error }

/// <summary>One style finding on a script body, at [<see cref="Start"/>, <see cref="End"/>) in UTF-16 code units.</summary>
public sealed record LintFinding(string Rule, LintSeverity Severity, string Message, int Start, int End);

/// <summary>The rule ids findings carry (stable: files, the API and the CLI's JSON use them).</summary>
public static class LintRules
{
    public const string Empty = "empty";
    public const string MaxLength = "max-length";
    public const string SentenceLength = "sentence-length";
    public const string Greeting = "greeting";
    public const string Closing = "closing";
    public const string BannedPhrase = "banned-phrase";
    public const string Glossary = "glossary";
    public const string Placeholder = "placeholder";
    public const string UndeclaredVariable = "undeclared-variable";
    public const string UnusedVariable = "unused-variable";
    public const string Variables = "variables";
    public const string PersonalData = "personal-data";
    public const string LinkDomain = "link-domain";
    public const string Html = "html";
}
