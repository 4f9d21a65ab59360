using Microsoft.Extensions.Localization;
using MudBlazor;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Scripts;

/// <summary>How the script pages word the codes the services return: states, channels, locales, lint rules.</summary>
public static class ScriptWords
{
    public static string Status(this IStringLocalizer<ScriptsText> t, ScriptVersionStatus status) => t["Status." + status];

    public static Color StatusColor(ScriptVersionStatus status) => status switch
    {
        ScriptVersionStatus.Approved => Color.Success,
        ScriptVersionStatus.InReview => Color.Info,
        ScriptVersionStatus.Rejected => Color.Error,
        ScriptVersionStatus.Retired => Color.Dark,
        _ => Color.Default,
    };

    public static string Channel(this IStringLocalizer<ScriptsText> t, string channel) => t["Channel." + channel];

    public static string Locale(this IStringLocalizer<ScriptsText> t, string locale) => t["Locale." + locale];

    /// <summary>The rule's name; a rule id without a text (a newer rule) is shown as its id.</summary>
    public static string Rule(this IStringLocalizer<ScriptsText> t, string rule)
    {
        var text = t["Rule." + rule];
        return text.ResourceNotFound ? rule : text.Value;
    }

    public static string Severity(this IStringLocalizer<ScriptsText> t, LintSeverity severity) => t["Severity." + severity];

    /// <summary>The text a finding points at, shortened for a list; empty for findings about the declarations.</summary>
    public static string Excerpt(string body, LintFinding finding, int max = 60)
    {
        var start = Math.Clamp(finding.Start, 0, body.Length);
        var end = Math.Clamp(finding.End, start, body.Length);
        var text = body[start..end].ReplaceLineEndings(" ");
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}
