namespace PuoAiOps.Web.Hosting;

/// <summary>
/// A request body that ended before its multipart form did (a dropped connection, a client that
/// stopped sending, a truncated file). The framework's multipart reader throws a bare
/// <see cref="IOException"/> ("Unexpected end of Stream") for it, which reads like a disk failure and
/// would be a 500; it is the client's request that is bad, so it answers 400.
/// </summary>
public static class RequestBodyErrors
{
    public const string TruncatedMessage = "The upload ended before the whole form arrived (the connection may have dropped). Send it again.";

    public static bool IsTruncatedBody(Exception exception) =>
        exception is IOException io && (ThrownByRequestReader(io)
            || io.Message.StartsWith("Unexpected end of Stream", StringComparison.OrdinalIgnoreCase));

    // Only an IOException raised while parsing the request body: one from the disk or the database stays a 500.
    private static bool ThrownByRequestReader(IOException exception) =>
        exception.TargetSite?.DeclaringType?.Namespace is { } ns
        && (ns.StartsWith("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.AspNetCore.Http.Features", StringComparison.Ordinal));
}
