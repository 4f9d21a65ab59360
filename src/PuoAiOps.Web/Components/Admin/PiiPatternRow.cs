namespace PuoAiOps.Web.Components.Admin;

/// <summary>One editable row of the PII pattern editor (both fields empty: a spare row, ignored on save).</summary>
public sealed class PiiPatternRow
{
    public string? Name { get; set; }

    public string? Pattern { get; set; }
}
