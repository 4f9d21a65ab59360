using System.Text.Json.Serialization;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

public enum LintSeverity { Warning, Error }

/// <summary>
/// One style finding on a script body, at [<see cref="Start"/>, <see cref="End"/>) in UTF-16 code units.
/// <see cref="Message"/> is the English wording (CLI, files, API); <see cref="Text"/> the same as a code with
/// arguments for the console to word in the reader's language.
/// </summary>
public sealed record LintFinding(string Rule, LintSeverity Severity, string Message, int Start, int End)
{
    /// <summary>A finding worded by its code (<see cref="Message"/> is the code's English).</summary>
    public LintFinding(string rule, LintSeverity severity, CodedMessage text, int start, int end) : this(rule, severity, text.English, start, end) =>
        Text = text;

    /// <summary>The message as a code and arguments; null only for findings made from a plain message.</summary>
    [JsonIgnore] public CodedMessage? Text { get; init; }

    /// <summary>The message's code (e.g. <c>BannedPromise</c>) for API clients; null without one.</summary>
    public string? Code => Text?.Name;

    /// <summary>The arguments of <see cref="Code"/>'s wording, in order.</summary>
    public IReadOnlyList<object>? Args => Text?.Args;
}

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
