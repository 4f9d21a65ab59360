using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// Why the LLM endpoint could not be used (<see cref="AiUnavailableException.Code"/>): the console words each
/// value from <c>JobText</c> (<c>AiRefusal.&lt;value&gt;</c>), where a failed LLM job shows it; the CLI and logs in
/// English. Arguments name the host and settings, never the key; a connector's own text stays English inside.
/// </summary>
public enum AiRefusal
{
    [English("No LLM endpoint is configured ({0}:Provider is None).")] ProviderNone,
    [English("No LLM endpoint is configured: set {0}:Provider, :Endpoint, :Model and :ApiKey.")] NotConfigured,
    [English("The LLM judge needs an LLM: set {0}:Provider (it is None).")] JudgeNeedsLlm,
    [English("{0}:ApiVersion '{1}' is not supported by the Azure OpenAI connector: {2}")] ApiVersionUnsupported,
    [English("The LLM endpoint {0} failed repeatedly; calls are paused for a while (circuit open).")] CircuitOpen,
    [English("The LLM endpoint {0} did not answer within {1:0.#} s ({2}).")] TimedOut,
    [English("No Entra ID token for the LLM endpoint {0}: {1} (set {2}:ApiKey, or sign in / give the host a managed identity).")] NoToken,
    [English("The LLM endpoint {0} refused the credentials (HTTP {1}); check {2}:ApiKey.")] CredentialsRefused,
    [English("The LLM endpoint {0} does not know the model or deployment '{1}' (HTTP 404); check {2}:Model and :Endpoint.")] UnknownModel,
    [English("The LLM endpoint {0} is rate-limiting requests (HTTP 429, {1}); try again later or lower {2}:MaxConcurrency.")] RateLimited,
    [English("The LLM endpoint {0} could not be reached: {1}")] Unreachable,
    [English("The LLM endpoint {0} answered HTTP {1} ({2}).")] HttpError,
    [English("The language model returned an empty rewrite.")] EmptyRewrite,
    [English("1 attempt")] OneAttempt,
    [English("{0} attempts")] Attempts,
}
