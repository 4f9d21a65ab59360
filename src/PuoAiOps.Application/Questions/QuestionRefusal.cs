using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Questions;

/// <summary>Why the question services refuse (<see cref="CodedMessage"/>), worded by the console from <c>QuestionsText</c>.</summary>
public enum QuestionRefusal
{
    [English("Import run {0} does not exist.")] ImportRunMissing,
}
