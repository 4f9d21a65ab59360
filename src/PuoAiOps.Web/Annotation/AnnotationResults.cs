using Microsoft.AspNetCore.Http.HttpResults;
using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Annotation;

/// <summary>How annotation failures answer over HTTP: the service's refusal as the problem title and code, status by kind.</summary>
public static class AnnotationResults
{
    public static int StatusOf(AnnotationError error) => error switch
    {
        AnnotationError.NotFound => StatusCodes.Status404NotFound,
        AnnotationError.Forbidden => StatusCodes.Status403Forbidden,
        AnnotationError.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// RFC 9457 problem details: the refusal in English as title and <c>detail</c>, its code in the
    /// <c>code</c> extension (as every coded refusal of the API, see ApplicationErrorMapping.ToProblem).
    /// </summary>
    public static ProblemHttpResult Problem(AnnotationException ex) =>
        TypedResults.Problem(statusCode: StatusOf(ex.Error), title: ex.Message, detail: ex.Refusal.English,
            extensions: new Dictionary<string, object?> { ["code"] = ex.Refusal.Name });

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);
}
