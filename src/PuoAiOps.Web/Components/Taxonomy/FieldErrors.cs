using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Taxonomy.Forms;
using PuoAiOps.Core.Taxonomy;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Taxonomy;

/// <summary>Words the forms' field codes, and finds the service's verdict on one field.</summary>
public static class FieldErrors
{
    public static string? Describe(IStringLocalizer<TaxonomyText> text, ProposalFieldError? error) => error is null ? null : Word(text, error.Value).Value;

    private static LocalizedString Word(IStringLocalizer<TaxonomyText> text, ProposalFieldError error) => error switch
    {
        ProposalFieldError.KeyTooLong => text["FieldError.KeyTooLong", TaxonomyKeys.MaxIntentKeyLength],
        ProposalFieldError.KeyReserved => text["FieldError.KeyReserved", TaxonomyKeys.OutOfScopeKey],
        ProposalFieldError.NameTooLong => text["FieldError.NameTooLong", ProposalFormRules.MaxNameLength],
        ProposalFieldError.NoteTooLong => text["FieldError.NoteTooLong", ProposalFormRules.MaxNoteLength],
        ProposalFieldError.FileTooLarge => text["FieldError.FileTooLarge", Application.Taxonomy.Yaml.TaxonomyImportLimits.MaxYamlBytes / (1024 * 1024)],
        _ => text["FieldError." + error],
    };

    /// <summary>
    /// The service's messages for a field, by the name it uses ("key", "intent.key", "names"...): the
    /// last part of the name decides, so "newIntents[0].key" and "key" both reach the key field.
    /// </summary>
    public static string? ServerMessage(ApplicationError? refusal, params string[] fields)
    {
        if (refusal is null) return null;
        var messages = refusal.Errors
            .Where(e => fields.Any(f => string.Equals(e.Key, f, StringComparison.OrdinalIgnoreCase)
                || e.Key.EndsWith("." + f, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => e.Value)
            .ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
