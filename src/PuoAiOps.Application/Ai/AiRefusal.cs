using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// Why the LLM endpoint could not be used (<see cref="AiUnavailableException.Code"/>): the console words each
/// value from <c>JobText</c> (<c>AiRefusal.&lt;value&gt;</c>), where a failed LLM job shows it; the CLI and logs in
/// English. Arguments name the host and settings, never the key. What went wrong is itself a code (the <c>Cause*</c>
/// values, worded in the reader's language too); a connector's own English text is at most the last argument, a
/// detail for whoever fixes the setting, never the whole message.
/// </summary>
public enum AiRefusal
{
    [English("No LLM endpoint is configured ({0}:Provider is None).")] ProviderNone,
    [English("No LLM endpoint is configured: set {0}:Provider, :Endpoint, :Model and :ApiKey.")] NotConfigured,
    [English("The LLM judge needs an LLM: set {0}:Provider (it is None).")] JudgeNeedsLlm,
    [English("{0}:ApiVersion '{1}' is not supported by the Azure OpenAI connector: {2}")] ApiVersionUnsupported,
    [English("The LLM endpoint {0} failed repeatedly; calls are paused for a while (circuit open).")] CircuitOpen,
    [English("The LLM endpoint {0} did not answer within {1:0.#} s ({2}).")] TimedOut,
    [English("No Entra ID token for the LLM endpoint {0}: set {1}:ApiKey, or sign in / give the host a managed identity (detail: {2}).")] NoToken,
    [English("The LLM endpoint {0} refused the credentials (HTTP {1}); check {2}:ApiKey.")] CredentialsRefused,
    [English("The LLM endpoint {0} does not know the model or deployment '{1}' (HTTP 404); check {2}:Model and :Endpoint.")] UnknownModel,
    [English("The LLM endpoint {0} is rate-limiting requests (HTTP 429, {1}); try again later or lower {2}:MaxConcurrency.")] RateLimited,
    [English("The LLM endpoint {0} could not be reached: {1} (detail: {2}).")] Unreachable,
    [English("The LLM endpoint {0} answered HTTP {1} ({2}).")] HttpError,
    [English("The language model returned an empty rewrite.")] EmptyRewrite,
    [English("1 attempt")] OneAttempt,
    [English("{0} attempts")] Attempts,
    // Why an endpoint could not be reached (the second argument of Unreachable), from the HTTP stack's error kind.
    [English("its host name could not be resolved")] CauseNameResolution,
    [English("the connection was refused or dropped")] CauseConnection,
    [English("the secure connection (TLS) failed")] CauseSecureConnection,
    [English("the proxy refused the connection")] CauseProxy,
    [English("it closed the connection before its answer ended")] CauseResponseEnded,
    [English("its answer was not valid HTTP")] CauseInvalidResponse,
    [English("a network error")] CauseNetwork,
}
