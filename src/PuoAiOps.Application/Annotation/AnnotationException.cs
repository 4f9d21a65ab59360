using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// What went wrong, in terms a caller can map to a response: NotFound → 404, Forbidden → 403,
/// Conflict → 409 (the state moved on: item full, already labeled, already adjudicated), Invalid → 400.
/// </summary>
public enum AnnotationError { NotFound, Forbidden, Conflict, Invalid }

/// <summary>
/// The one exception the annotation services throw for expected failures: a kind (<see cref="Error"/>,
/// for the status) and a refusal code with its arguments (<see cref="Refusal"/>), which the console words
/// from <c>AnnotationText</c> and the API and CLI in English (the exception's message). Anything else
/// escaping a service is a bug or an infrastructure fault (500).
/// </summary>
public sealed class AnnotationException(AnnotationError error, CodedMessage refusal) : Exception(refusal.English)
{
    public AnnotationError Error { get; } = error;

    public CodedMessage Refusal { get; } = refusal;

    public AnnotationRefusal Code => (AnnotationRefusal)Refusal.Code;

    public static AnnotationException NotFound(AnnotationRefusal code, params object[] args) => new(AnnotationError.NotFound, CodedMessage.Of(code, args));
    public static AnnotationException Forbidden(AnnotationRefusal code, params object[] args) => new(AnnotationError.Forbidden, CodedMessage.Of(code, args));
    public static AnnotationException Conflict(AnnotationRefusal code, params object[] args) => new(AnnotationError.Conflict, CodedMessage.Of(code, args));
    public static AnnotationException Invalid(AnnotationRefusal code, params object[] args) => new(AnnotationError.Invalid, CodedMessage.Of(code, args));
}
