using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// What an audit entry's detail says, as a code with its arguments: ids, names, numbers and file names are
/// arguments as written; roles, statuses, kinds and outcomes are nested codes (<c>Role*</c>, <c>Escalation*</c>,
/// <c>Kind*</c>...), so a Chinese page shows no English word. The console words each value from <c>AdminText</c>
/// (<c>AuditDetail.&lt;value&gt;</c>); the English wording is what <c>AuditEntry.Detail</c> stores for the CLI,
/// the REST API and the audit search, the same sentences the log had before the codes.
/// </summary>
public enum AuditDetail
{
    // Users, sign-in and settings.
    [English("first admin created")] FirstAdminCreated,
    [English("role {0}")] UserCreated,
    [English("{0} -> {1}")] Changed,
    [English("none")] None,
    [English("lockout ended, failed attempts cleared")] LockoutEnded,
    [English("failed attempts cleared (was not locked)")] AttemptsCleared,
    [English("culture={0}")] Culture,
    [English("browser")] CultureBrowser,
    [English("{0} ({1}), role {2}")] ApiKeyCreated,
    [English("{0} ({1})")] NameAndPrefix,
    [English("{0} patterns: {1}")] PiiPatterns,
    [English("Annotator")] RoleAnnotator,
    [English("Curator")] RoleCurator,
    [English("Reviewer")] RoleReviewer,
    [English("Viewer")] RoleViewer,
    [English("Admin")] RoleAdmin,

    // Reply scripts and agent replies.
    [English("v{0} ({1}/{2}) {3}")] ScriptVersion,
    [English("v{0} ({1}/{2}) {3}; {4}")] ScriptVersionWith,
    [English("new draft")] NewDraft,
    [English("effective {0:yyyy-MM-dd HH:mm}Z")] EffectiveFrom,
    [English("owner={0}; tags={1}")] ScriptDetails,
    [English("from={0}; to={1}")] ScriptOwner,
    [English("{0} version(s) retired")] ScriptRetired,
    [English("v{0}")] ScriptComment,
    [English("{0}/{1}")] StyleRules,
    [English("{0} from {1}")] AgentRepliesImported,

    // Taxonomy changes.
    [English("kind={0}")] TaxonomyKind,
    [English("kind={0}; version={1}; {2}")] TaxonomyApproved,
    [English("Add")] KindAdd,
    [English("Rename")] KindRename,
    [English("Edit")] KindEdit,
    [English("Merge")] KindMerge,
    [English("Split")] KindSplit,
    [English("Deprecate")] KindDeprecate,
    [English("created intent {0}")] IntentCreated,
    [English("intent {0} renamed")] IntentRenamed,
    [English("intent {0} edited")] IntentEdited,
    [English("intent {0} deprecated")] IntentDeprecated,
    [English("moved {0}; scripts moved={1} retired={2}")] IntentsMerged,
    [English("created {0}; moved {1}; scripts moved={2}")] IntentSplit,

    // Knowledge documents.
    [English("{0} ({1}), revision {2}, {3} chunk(s)")] DocumentDeleted,
    [English("{0} ({1})")] Document,

    // Escalations: the status after the change (a Status* word), and what else changed.
    [English("{0}; {1}")] EscalationChange,
    [English("to {0}")] AssignedTo,
    [English("from {0}")] ReleasedFrom,
    [English("open")] StatusOpen,
    [English("assigned")] StatusAssigned,
    [English("closed")] StatusClosed,
    [English("resolved")] OutcomeResolved,
    [English("unresolved")] OutcomeUnresolved,

    // Classifier versions.
    [English("{0}: {1} train / {2} test, accuracy {3:P1}, macro-F1 {4:P1}")] Trained,
    [English("{0}: {1} on {2} test questions, accuracy {3:P1}, {4} failures, {5} tokens")] LlmEvaluated,
    [English("{0}: {1}-fold, accuracy {2:P1} ± {3:P1}")] CrossValidated,
    [English("{0} unlabeled questions classified ({1} below {2:P0} confidence, {3} out of scope)")] BatchClassified,
    [English("#{0} withdrawn; {1} serves again")] RolledBack,
    [English("{0} now serves (previously #{1})")] NowServes,
    [English("{0} now serves (previously none)")] NowServesFirst,
}
