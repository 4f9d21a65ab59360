using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Application.Taxonomy.Forms;

/// <summary>What the console's forms check at the field before sending; the page words each code.</summary>
public enum ProposalFieldError
{
    KeyRequired,
    KeyTooLong,
    KeyNotSnakeCase,
    KeyReserved,
    EnglishNameRequired,
    NameTooLong,
    ChooseDomain,
    ChooseIntent,
    ChooseTarget,
    NoteRequired,
    NoteTooLong,
    ChooseFile,
    FileTooLarge,
}

/// <summary>
/// Field checks the forms run as people type. They repeat the service's own rules (which stay the
/// authority: the service checks everything again and its verdict is shown too) so the message can
/// appear at the field, in the reader's language.
/// </summary>
public static class ProposalFormRules
{
    public const int MaxNoteLength = 2000;

    public const int MaxNameLength = Changes.DraftRules.MaxNameLength;

    public static ProposalFieldError? CheckIntentKey(string? key) => CheckKey(key, TaxonomyKeys.MaxIntentKeyLength, reservable: true);

    public static ProposalFieldError? CheckDomainKey(string? key) => CheckKey(key, TaxonomyKeys.MaxDomainKeyLength, reservable: false);

    public static ProposalFieldError? CheckName(string? name, bool required)
    {
        if (string.IsNullOrWhiteSpace(name)) return required ? ProposalFieldError.EnglishNameRequired : null;
        return name.Trim().Length > MaxNameLength ? ProposalFieldError.NameTooLong : null;
    }

    /// <summary>A rejection needs a reason (its author reads it); an approval note is optional.</summary>
    public static ProposalFieldError? CheckReviewNote(string? note, bool required)
    {
        if (string.IsNullOrWhiteSpace(note)) return required ? ProposalFieldError.NoteRequired : null;
        return note.Length > MaxNoteLength ? ProposalFieldError.NoteTooLong : null;
    }

    private static ProposalFieldError? CheckKey(string? key, int maxLength, bool reservable)
    {
        var trimmed = key?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return ProposalFieldError.KeyRequired;
        if (trimmed.Length > maxLength) return ProposalFieldError.KeyTooLong;
        if (reservable && trimmed == TaxonomyKeys.OutOfScopeKey) return ProposalFieldError.KeyReserved;
        return TaxonomyKeys.IsSnakeCase(trimmed) ? null : ProposalFieldError.KeyNotSnakeCase;
    }
}
