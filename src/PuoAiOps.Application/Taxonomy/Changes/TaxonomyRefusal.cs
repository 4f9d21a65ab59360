using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>
/// Why a taxonomy proposal is refused, as codes with arguments (<see cref="CodedMessage"/>): the console
/// words them from <c>TaxonomyText</c> (<c>TaxonomyRefusal.&lt;value&gt;</c>), the API and CLI in English.
/// </summary>
public enum TaxonomyRefusal
{
    [English("Only a deprecated intent has a replacement.")] ReplacementNeedsDeprecated,
    [English("An intent cannot replace itself.")] ReplacesItself,
    [English("Unknown intent '{0}'.")] UnknownIntentKey,
    [English("Intent {0} does not exist.")] IntentMissing,
    [English("Intent '{0}' is already deprecated.")] AlreadyDeprecated,
    [English("Intent '{0}' is deprecated itself.")] ReplacementDeprecated,
    [English("Intent '{0}' is deprecated.")] IntentDeprecated,
    [English("Nothing to rename: give a new key or at least one changed name.")] NothingToRename,
    [English("Deprecation is its own proposal (Deprecate), with a replacement.")] DeprecateSeparately,
    [English("Nothing to change: every given field equals the current value.")] NothingToChange,
    [English("Name at least one intent to merge into the target.")] MergeWithoutSources,
    [English("An intent is listed twice.")] MergeSourceTwice,
    [English("The target cannot also be a source.")] MergeTargetIsSource,
    [English("A split creates at least two intents.")] SplitTooFew,
    [English("The key '{0}' is used twice.")] SplitKeyTwice,
    [English("The default target must be the key of one of the new intents.")] SplitDefaultTarget,
    [English("Question {0} goes to '{1}', which is not one of the new intents.")] SplitQuestionTarget,
    [English("'{0}' is not one of the new intents.")] SplitRuleTarget,
    [English("Give one or more non-empty keywords.")] SplitRuleKeywords,
    [English("Question {0} does not exist.")] QuestionMissing,
    [English("Intent '{0}' was changed by someone else after you opened it. Reload it and propose again.")] IntentChanged,
    [English("An intent with key '{0}' already exists.")] KeyExists,
    [English("The key '{0}' is already taken by pending proposal #{1}.")] KeyPending,
    [English("Unknown domain '{0}'.")] UnknownDomain,
    [English("A name in '{0}' is required.")] NameRequired,
    [English("The name in '{0}' is empty.")] NameEmpty,
    [English("The name in '{0}' is longer than {1} characters.")] NameTooLong,
    [English("The '{0}' name cannot be removed.")] RequiredNameRemoved,
    [English("Longer than {0} characters.")] TextTooLong,
    [English("At most {0} examples.")] TooManyExamples,
    [English("Example {0} is empty.")] ExampleEmpty,
    [English("Example {0} is longer than {1} characters.")] ExampleTooLong,
    [English("'{0}' is not a locale code (expected e.g. 'en' or 'zh-CN').")] NotALocale,
    [English("Choose at least one proposal to approve.")] NoProposalChosen,
    [English("Taxonomy change #{0} does not exist.")] ChangeMissing,
    [English("You proposed change #{0}; another reviewer has to approve it.")] OwnProposal,
    [English("An intent in this proposal was changed by someone else while it was being approved. Reload and try again.")] IntentChangedDuringApproval,
    [English("The taxonomy changed while this proposal was being approved (another approval published first). Try again.")] TaxonomyChangedDuringApproval,
    [English("Someone else reviewed one of these proposals just now.")] ReviewedMeanwhile,
    [English("Say why the proposal is rejected, so its author can fix it.")] RejectionNoteRequired,
    [English("Taxonomy change #{0} was reviewed by someone else just now.")] ChangeReviewedMeanwhile,
    [English("Taxonomy change #{0} is already approved.")] AlreadyApproved,
    [English("Taxonomy change #{0} is already rejected.")] AlreadyRejected,
    [English("Intent '{0}' has been deprecated since proposal #{1} was made.")] DeprecatedSinceProposal,
    [English("The replacement intent {0} no longer exists.")] ReplacementGone,
    [English("The replacement '{0}' has been deprecated since this proposal was made.")] ReplacementDeprecatedSince,
    [English("Intent {0} no longer exists.")] IntentGone,
    [English("Intent '{0}' has changed since proposal #{1} was made. Reject the proposal and propose it again against the current intent.")] ChangedSinceProposal,
    [English("An intent with key '{0}' was created after this proposal was made.")] KeyCreatedSince,
    [English("Intent '{0}' does not exist (approve the proposal that creates it first, or together).")] ApproveCreatorFirst,
    [English("Domain '{0}' no longer exists.")] DomainGone,
    [English("Intent '{0}' does not exist.")] IntentKeyMissing,
    [English("Taxonomy version {0} does not exist.")] VersionMissing,
    [English("Only Curator or Admin users may propose taxonomy changes.")] OnlyProposersPropose,
    [English("Only Curator or Admin users may import a taxonomy.")] OnlyProposersImport,
    [English("Only Reviewer or Admin users may review taxonomy changes.")] OnlyReviewersReview,
}

/// <summary>The notes of an impact preview (<see cref="TaxonomyImpact"/>), worded like <see cref="TaxonomyRefusal"/>.</summary>
public enum ImpactNote
{
    [English("Nothing moves: existing labels keep pointing at the deprecated intent; annotators can no longer choose it.")] DeprecateMovesNothing,
    [English("Labels refer to the intent by id: nothing moves.")] RenameMovesNothing,
    [English("Nothing moves.")] EditMovesNothing,
    [English("A new intent: nothing references it yet.")] NewIntent,
    [English("Script #{0} ({1}) of {2} conflicts with script #{3} of {4}: it will be retired; copy anything worth keeping first.")] ScriptRetired,
    [English("{0} mapped question(s) no longer reference {1}; they will be ignored.")] MappedQuestionsIgnored,
    [English("No existing label goes to: {0}.")] TargetsWithoutLabels,
}
