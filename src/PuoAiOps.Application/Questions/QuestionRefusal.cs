using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Why the question services and the upload endpoint refuse (<see cref="CodedMessage"/>), worded by the console
/// from <c>QuestionsText</c>; a file that cannot be imported is <c>QuestionFileMessage</c> (Core).
/// </summary>
public enum QuestionRefusal
{
    [English("Import run {0} does not exist.")] ImportRunMissing,
    [English("Choose a CSV or JSON Lines file to import.")] UploadNoFile,
    [English("Send the file as multipart/form-data.")] UploadNotMultipart,
    [English("The upload could not be read as a form. Choose the file again and retry.")] UploadUnreadable,
}
