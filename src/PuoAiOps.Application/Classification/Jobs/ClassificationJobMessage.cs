using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Jobs;

/// <summary>
/// What the classifier's background jobs (training, LLM evaluation, cross-validation, batch classification)
/// say while they run and when they end: the console words each value from <c>ClassificationText</c>
/// (<c>ClassificationJobMessage.&lt;value&gt;</c>), the CLI in English. Refusals stay <see cref="ClassificationRefusal"/>.
/// </summary>
public enum ClassificationJobMessage
{
    [English("Reading the final labels")] ReadingLabels,
    [English("Training on {0:N0} questions ({1} labels)")] TrainingOn,
    [English("Evaluating on {0:N0} held-out test questions")] EvaluatingOn,
    [English("Storing the model")] StoringModel,
    [English("Stored {0}")] Stored,
    [English("Trained {0}: accuracy {1:P1}, macro-F1 {2:P1} on {3:N0} test questions.")] Trained,
    [English("Asking {0} about {1:N0} test questions")] AskingModel,
    [English("{0}: {1:N0} of {2:N0} test questions done")] ModelProgress,
    [English("the model")] TheModel,
    [English("Storing the evaluation")] StoringEvaluation,
    [English("Every answer failed ({0}); nothing was stored.")] EveryAnswerFailed,
    [English("Evaluated {0}: accuracy {1:P1}, macro-F1 {2:P1} on {3:N0} test questions.")] Evaluated,
    [English("Fold {0} of {1}: training")] FoldTraining,
    [English("{0}-fold cross-validation done")] CrossValidationDone,
    [English("{0}-fold cross-validation of #{1}: accuracy {2:P1} ± {3:P1}, macro-F1 {4:P1} ± {5:P1}.")] CrossValidated,
    [English("{0:N0} of {1:N0} unlabeled questions classified")] BatchProgress,
    [English("Classified {0:N0} unlabeled questions with #{1}: {2:N0} below {3:P0} confidence now lead the uncertain-first annotation order.")] BatchClassified,
}
