using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// How an audit entry's detail is stored: its English in <see cref="AuditEntry.Detail"/> and the code with its
/// arguments beside it (migration 0022), and the nested words (roles, statuses, kinds) details use.
/// </summary>
public static class AuditDetails
{
    public static AuditEntry WithDetail(this AuditEntry entry, CodedMessage? detail)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (detail is null)
        {
            (entry.Detail, entry.DetailCode, entry.DetailArgs) = (null, null, null);
            return entry;
        }
        entry.Detail = detail.English;
        (entry.DetailCode, entry.DetailArgs) = CodedMessageJson.Write(detail);
        return entry;
    }

    public static AuditEntry WithDetail(this AuditEntry entry, AuditDetail code, params object[] args) =>
        entry.WithDetail(CodedMessage.Of(code, args));

    /// <summary>The stored detail as a code; null for a row written before details had codes (shown in English).</summary>
    public static CodedMessage? Read(string? code, string? args) => MessageCodes.Read(code, args);

    /// <summary>A role as a word the console translates; an unknown role (none today) stays as written.</summary>
    public static object Role(string? role) => role switch
    {
        Roles.Annotator => CodedMessage.Of(AuditDetail.RoleAnnotator),
        Roles.Curator => CodedMessage.Of(AuditDetail.RoleCurator),
        Roles.Reviewer => CodedMessage.Of(AuditDetail.RoleReviewer),
        Roles.Viewer => CodedMessage.Of(AuditDetail.RoleViewer),
        Roles.Admin => CodedMessage.Of(AuditDetail.RoleAdmin),
        null => None,
        _ => role,
    };

    /// <summary>"none": no previous role, owner or version.</summary>
    public static CodedMessage None => CodedMessage.Of(AuditDetail.None);

    /// <summary>An id, or "none" as a word.</summary>
    public static object OrNone(string? value) => value is null ? None : value;

    public static CodedMessage Kind(TaxonomyChangeKind kind) => CodedMessage.Of(kind switch
    {
        TaxonomyChangeKind.Add => AuditDetail.KindAdd,
        TaxonomyChangeKind.Rename => AuditDetail.KindRename,
        TaxonomyChangeKind.Edit => AuditDetail.KindEdit,
        TaxonomyChangeKind.Merge => AuditDetail.KindMerge,
        TaxonomyChangeKind.Split => AuditDetail.KindSplit,
        _ => AuditDetail.KindDeprecate,
    });

    public static CodedMessage Status(EscalationStatus status) => CodedMessage.Of(status switch
    {
        EscalationStatus.Open => AuditDetail.StatusOpen,
        EscalationStatus.Assigned => AuditDetail.StatusAssigned,
        _ => AuditDetail.StatusClosed,
    });

    public static CodedMessage Outcome(EscalationOutcome outcome) =>
        CodedMessage.Of(outcome == EscalationOutcome.ResolvedByPerson ? AuditDetail.OutcomeResolved : AuditDetail.OutcomeUnresolved);
}
