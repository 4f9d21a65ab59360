namespace PuoAiOps.Application.Annotation;

/// <summary>
/// What went wrong, in terms a caller can map to a response: NotFound → 404, Forbidden → 403,
/// Conflict → 409 (the state moved on: item full, already labeled, already adjudicated), Invalid → 400.
/// </summary>
public enum AnnotationError { NotFound, Forbidden, Conflict, Invalid }

/// <summary>
/// The one exception the annotation services throw for expected failures. The message is safe to
/// show to the user as is. Anything else escaping a service is a bug or an infrastructure fault (500).
/// </summary>
public sealed class AnnotationException(AnnotationError error, string message) : Exception(message)
{
    public AnnotationError Error { get; } = error;

    public static AnnotationException NotFound(string message) => new(AnnotationError.NotFound, message);
    public static AnnotationException Forbidden(string message) => new(AnnotationError.Forbidden, message);
    public static AnnotationException Conflict(string message) => new(AnnotationError.Conflict, message);
    public static AnnotationException Invalid(string message) => new(AnnotationError.Invalid, message);
}
