using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Why an annotation service refused (<see cref="AnnotationException.Refusal"/>): the console words each
/// value from <c>AnnotationText</c> (<c>AnnotationRefusal.&lt;value&gt;</c>), the API and CLI in English.
/// </summary>
public enum AnnotationRefusal
{
    [English("Annotation item {0} does not exist.")] ItemMissing,
    [English("Batch {0} does not exist.")] BatchMissing,
    [English("Item {0} is not in one of your batches.")] ItemNotInYourBatches,
    [English("Intent {0} does not exist.")] IntentMissing,
    [English("Intent {0} is deprecated; choose its replacement.")] IntentDeprecated,
    [English("Give a reason for the decision: it is required.")] ReasonRequired,
    [English("The reason is limited to {0} characters.")] ReasonTooLong,
    [English("You labeled this item yourself, so another reviewer must adjudicate it.")] OwnItem,
    [English("This item has already been adjudicated.")] AlreadyAdjudicated,
    [English("This item is not waiting for adjudication.")] NotWaitingForAdjudication,
    [English("A reviewer has already adjudicated this item, so the label can no longer be undone.")] UndoAfterAdjudication,
    [English("That label has already been undone.")] AlreadyUndone,
    [English("You have already labeled this item.")] AlreadyLabeled,
    [English("This item already has all the labels it needs; your answer was not stored. Take the next item.")] ItemFull,
    [English("This item is reserved for another annotator right now; your answer was not stored. Take the next item.")] ItemReserved,
    [English("Say why you skip this item: a reason is required.")] SkipReasonRequired,
    [English("The skip reason is limited to {0} characters.")] SkipReasonTooLong,
    [English("You have already labeled this item; undo the label instead of skipping.")] SkipAfterLabel,
    [English("You are not assigned to this item's batch.")] NotAssignedToItem,
    [English("You are not assigned to this batch.")] NotAssignedToBatch,
    [English("The duration cannot be negative.")] NegativeDuration,
    [English("Notes are limited to {0} characters.")] NoteTooLong,
    [English("This batch is paused.")] BatchPaused,
    [English("This batch is closed.")] BatchClosed,
    [English("Many annotators are asking for items at the same moment; please try again.")] Busy,
    [English("This batch shows the model's guess only after you have submitted your own label for the item.")] SuggestionAfterLabel,
    [English("The test share must be at least 0 and below 1.")] TestShareOutOfRange,
    [English("No questions match the filter.")] NoQuestionsMatch,
    [English("Gold items need questions with a final label, and there are none yet; set the gold share to 0.")] NoGoldCandidates,
    [English("Choose either an intent or out-of-scope, not both.")] IntentAndOutOfScope,
    [English("Choose an intent or mark the question out-of-scope.")] NoChoice,
    [English("{0} of the chosen annotators do not exist.")] UnknownAnnotators,
    [English("The batch needs a name of 1 to {0} characters.")] BatchNameLength,
    [English("Labels per item must be between 1 and {0}.")] LabelsPerItemOutOfRange,
    [English("Choose at least one annotator.")] NoAnnotators,
    [English("Each item needs {0} labels from different people, but only {1} annotators are chosen.")] TooFewAnnotators,
    [English("The gold share must be between 0 and {0}.")] GoldShareOutOfRange,
    [English("The sample size must be at least 1.")] SampleSizeTooSmall,
    [English("The confidence threshold must be above 0 and at most 1.")] ConfidenceOutOfRange,
    [English("The period must start before it ends.")] PeriodReversed,
    [English("The seed must be a positive number.")] SeedNotPositive,
}
