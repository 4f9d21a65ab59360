using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// Why the reply-script services refuse (<see cref="CodedMessage"/>): the console words each value from
/// <c>ScriptsText</c> (<c>ScriptRefusal.&lt;value&gt;</c>), the API and CLI in English. The values named
/// <c>Status*</c> and <c>Step*</c> are words used inside other refusals, so they are worded too.
/// </summary>
public enum ScriptRefusal
{
    [English("Only Curator or Admin may create reply scripts.")] OnlyEditorsCreate,
    [English("Only Curator or Admin may edit reply scripts.")] OnlyEditorsEdit,
    [English("Only Curator or Admin may change the owner of reply scripts.")] OnlyEditorsChangeOwner,
    [English("Only Curator or Admin may import reply scripts.")] OnlyEditorsImportScripts,
    [English("Only Curator or Admin may import agent replies.")] OnlyEditorsImportReplies,
    [English("Only Curator or Admin may submit scripts for review.")] OnlyEditorsSubmit,
    [English("Only Curator or Admin may withdraw scripts from review.")] OnlyEditorsWithdraw,
    [English("Only Reviewer or Admin may approve scripts.")] OnlyReviewersApprove,
    [English("Only Reviewer or Admin may reject scripts.")] OnlyReviewersReject,
    [English("Only Curator or Reviewer or Admin may retire scripts.")] OnlyStaffRetire,
    [English("Only Curator or Reviewer or Admin may comment on scripts.")] OnlyStaffComment,
    [English("Only an Admin may change the style rules.")] OnlyAdminStyleRules,
    [English("You wrote or edited this version: another reviewer must review it.")] OwnChange,

    [English("Reply script #{0} does not exist.")] ScriptMissing,
    [English("Script version #{0} does not exist.")] VersionMissing,
    [English("A {0}/{1} script for '{2}' already exists (#{3}): edit it instead.")] ScriptExists,
    [English("A {0}/{1} script for '{2}' was created by someone else just now: edit it instead.")] ScriptCreatedMeanwhile,
    [English("Version {0} is in review: withdraw it from review before editing.")] VersionInReview,
    [English("Version {0} changed since you opened it (now {1}); reload it.")] VersionChanged,
    [English("Version {0} is {1}; only a {2} version can be {3}.")] WrongStatus,
    [English("Version {0} has {1} style error(s) and cannot be {2}: {3}")] StyleErrorsBlock,
    [English("Version {0} was changed by someone else just now; reload it.")] ChangedMeanwhile,

    [English("Give the script a title.")] TitleRequired,
    [English("Pick the script's new owner.")] OwnerRequired,
    [English("A script's owner must be an active user with the Curator or Admin role.")] OwnerNotEligible,
    [English("Say why the version is rejected, so its author can fix it.")] RejectionNoteRequired,
    [English("The comment is empty.")] CommentEmpty,
    [English("Keep comments under {0} characters.")] CommentTooLong,
    [English("The script body is empty.")] BodyEmpty,
    [English("The script body is {0} characters; at most {1} can be stored.")] BodyTooLong,
    [English("SOP link '{0}' is not valid: write the document's slug, optionally with '#section'.")] SopLinkInvalid,
    [English("Unknown locale '{0}'; use one of: {1}.")] UnknownLocale,
    [English("Unknown channel '{0}'; use one of: {1}.")] UnknownChannel,
    [English("Unknown intent '{0}'.")] UnknownIntent,
    [English("Intent '{0}' is deprecated: scripts cannot be added to it.")] IntentDeprecated,
    [English("Intent '{0}' was merged into '{1}': write the script for '{1}' instead.")] IntentMerged,

    [English("Skip must be zero or more.")] SkipNegative,
    [English("Ask for between {0} and {1} scripts at a time.")] TakeOutOfRange,
    [English("Both versions must belong to the same script.")] VersionsOfTwoScripts,

    [English("The file is {0:0.#} MB; at most {1} MB can be imported.")] FileTooLarge,
    [English("The file is over {0} MB, the most that can be imported.")] FileOverLimit,
    [English("The file was not imported: {0}")] FileNotImported,
    [English("Paste an answer to standardize.")] AnswerEmpty,
    [English("The answer is {0} characters; at most {1} can be standardized.")] AnswerTooLong,
    [English("Pick between 1 and {0} agent replies.")] PickReplies,
    [English("Some of the picked replies no longer exist.")] RepliesGone,

    [English("Draft")] StatusDraft,
    [English("InReview")] StatusInReview,
    [English("Approved")] StatusApproved,
    [English("Rejected")] StatusRejected,
    [English("Retired")] StatusRetired,
    [English("submitted")] StepSubmitted,
    [English("withdrawn")] StepWithdrawn,
    [English("approved")] StepApproved,
    [English("rejected")] StepRejected,
}
