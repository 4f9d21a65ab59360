using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>One script in an import/export/lint file (YAML or JSON: a list of these).</summary>
public sealed record ScriptFileItem(
    int Index, int Line, string Intent, string Locale, string Channel, string Title, string Body,
    IReadOnlyList<ScriptVariable> Variables, IReadOnlyList<string> Tags, IReadOnlyList<string> SopLinks);

/// <summary>A lint finding of one file item (index is 0-based, as in the file's list).</summary>
public sealed record FileLintFinding(int Index, string Rule, string Severity, string Message, int Start, int End);

// The shapes YamlDotNet fills (mutable, string-typed so a bad value gets our message, not a parser's).
internal sealed class ScriptFileDto
{
    public string? Intent { get; set; }
    public string? Locale { get; set; }
    public string? Channel { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Status { get; set; }
    public List<VariableDto>? Variables { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? SopLinks { get; set; }
}

internal sealed class VariableDto
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public bool? Required { get; set; }
    public string? Default { get; set; }
}
