using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification;

/// <summary>
/// Why the classifier services refuse (<see cref="CodedMessage"/>): the console words each value from
/// <c>ClassificationText</c> (<c>ClassificationRefusal.&lt;value&gt;</c>), the API and CLI in English.
/// </summary>
public enum ClassificationRefusal
{
    [English("Only curators, reviewers and administrators may train or evaluate classifiers.")] OnlyTrainers,
    [English("Only reviewers and administrators may change the serving model.")] OnlyPromoters,
    [English("Model version {0} does not exist.")] VersionMissing,
    [English("There is no earlier serving version to roll back to.")] NoEarlierVersion,
    [English("This is an LLM classifier and no LLM endpoint is configured here (Ai:Provider), so it cannot serve.")] LlmCannotServe,
    [English("No LLM endpoint is configured (Ai:Provider is None), so there is nothing to evaluate.")] LlmNotConfigured,
    [English("Cross-validation retrains the model, so it applies to offline versions only.")] CrossValidationOfflineOnly,
    [English("Training needs at least {0} questions with a final label; the workspace has {1}. Label more questions first.")] TooFewQuestions,
    [English("Training needs final labels of at least two different intents (or out of scope).")] TooFewIntents,
    [English("No LLM endpoint is configured (Ai:Provider is None).")] NoLlmEndpoint,
    [English("No model version serves yet: promote one first.")] NothingServes,
    [English("An intent uses the key '{0}', which is reserved for out-of-scope questions; rename it first.")] ReservedKey,
    [English("No question could be held out for testing: every label has a single example. Label more questions first.")] NothingToTest,
    [English("The test share must be between 0.05 and 0.5.")] TestShareRange,
    [English("The validation share must be between 0 and 0.3.")] ValidationShareRange,
    [English("The training share must be above 0 and at most 1.")] TrainingShareRange,
    [English("The trainer refused its setting {0}: it is out of range.")] TrainerSettingRange,
}
