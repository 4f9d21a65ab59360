namespace PuoAiOps.Web.Api;

/// <summary>
/// Reads a JSON body inside the handler rather than binding it: a bound body makes routing answer 415
/// to a wrong content type before authorization runs, and callers without the role must see 403.
/// </summary>
internal static class ApiBody
{
    /// <param name="optional">An empty body stands for a body with every field left out (commands whose fields are all optional).</param>
    public static async Task<IResult> With<T>(HttpContext http, Func<T, Task<object>> handle, bool optional = false) where T : class
    {
        if (optional && (http.Request.ContentLength ?? -1) == 0)
            return TypedResults.Ok(await handle(System.Text.Json.JsonSerializer.Deserialize<T>("{}")!));
        if (!http.Request.HasJsonContentType())
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the request body as application/json.");
        T? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<T>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON for this call.", detail: ex.Message);
        }
        return body is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is missing.")
            : TypedResults.Ok(await handle(body));
    }
}
