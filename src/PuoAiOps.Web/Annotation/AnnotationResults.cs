using Microsoft.AspNetCore.Http.HttpResults;
using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Annotation;

/// <summary>How annotation failures answer over HTTP: the service's message as the problem title, status by kind.</summary>
public static class AnnotationResults
{
    public static int StatusOf(AnnotationError error) => error switch
    {
        AnnotationError.NotFound => StatusCodes.Status404NotFound,
        AnnotationError.Forbidden => StatusCodes.Status403Forbidden,
        AnnotationError.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>RFC 9457 problem details carrying the (user-safe) message of the exception.</summary>
    public static ProblemHttpResult Problem(AnnotationException ex) =>
        TypedResults.Problem(statusCode: StatusOf(ex.Error), title: ex.Message);

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);
}
