using System.Text.RegularExpressions;

namespace PuoAiOps.Application.Ai;

/// <summary>
/// Where LLM calls go. <c>OpenAI</c>: api.openai.com (or a proxy at <see cref="AiOptions.Endpoint"/>), with a key;
/// <c>AzureOpenAI</c>: an Azure OpenAI resource, by API key or, without one, Entra ID; <c>OpenAICompatible</c>:
/// any server speaking the Chat Completions API at a base URL (vLLM, Ollama, LM Studio), key optional.
/// </summary>
public enum AiProvider { None, OpenAI, AzureOpenAI, OpenAICompatible }

/// <summary>
/// Configuration section "Ai": the OpenAI-compatible endpoint for LLM features. With <c>None</c>
/// (the default) the console runs fully offline and LLM features say they are not configured.
/// </summary>
public sealed partial class AiOptions
{
    public const string SectionName = "Ai";

    public AiProvider Provider { get; set; } = AiProvider.None;

    /// <summary>
    /// Base URL. OpenAI: optional (default https://api.openai.com/v1). OpenAICompatible: required, the
    /// server's /v1 URL. AzureOpenAI: the resource URL (https://NAME.openai.azure.com).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Alias of <see cref="Endpoint"/> (the name OpenAI-compatible servers use).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>OpenAI: required. OpenAICompatible: optional. AzureOpenAI: optional; without it the resource is reached with Entra ID (DefaultAzureCredential).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI only: the REST API version (e.g. 2024-10-21); empty = the connector's default.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Azure OpenAI with Entra ID only: the client id of a user-assigned managed identity (optional).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Model name (Azure: the deployment name).</summary>
    public string? Model { get; set; }

    /// <summary>Per attempt; a slower answer counts as a failure and is retried.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a timeout, 429 or 5xx (0 = none), after the server's Retry-After when it sends one.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>A Retry-After longer than this is not waited for: the call fails at once (callers fall back).</summary>
    public double MaxRetryAfterSeconds { get; set; } = 20;

    /// <summary>After half of at least <see cref="CircuitMinimumCalls"/> calls failed, calls stop for this long (0 = no circuit breaker).</summary>
    public double CircuitBreakSeconds { get; set; } = 30;

    public int CircuitMinimumCalls { get; set; } = 8;

    /// <summary>Calls in flight at once from this instance.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Price per million input tokens, for the cost estimate (0 = not shown).</summary>
    public decimal InputPricePerMillionTokens { get; set; }

    public decimal OutputPricePerMillionTokens { get; set; }

    /// <summary>Currency of the prices, shown beside estimates.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>At most this many held-out test questions are sent when an LLM classifier is evaluated (cost control).</summary>
    public int MaxEvaluationQuestions { get; set; } = 400;

    /// <summary>Folder with *.prompt.yaml files overriding the built-in prompts (optional).</summary>
    public string? PromptsDir { get; set; }

    public bool IsEnabled => Provider != AiProvider.None;

    /// <summary>The configured base URL (Endpoint, else BaseUrl), trimmed; null when neither is set.</summary>
    public string? ConfiguredEndpoint => string.IsNullOrWhiteSpace(Endpoint) ? (string.IsNullOrWhiteSpace(BaseUrl) ? null : BaseUrl.Trim()) : Endpoint.Trim();

    /// <summary>Azure OpenAI without a key: Entra ID.</summary>
    public bool UsesEntraId => Provider == AiProvider.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<string> Validate()
    {
        if (TimeoutSeconds is < 1 or > 600) yield return $"{SectionName}:TimeoutSeconds must be between 1 and 600.";
        if (MaxRetries is < 0 or > 10) yield return $"{SectionName}:MaxRetries must be between 0 and 10.";
        if (MaxRetryAfterSeconds is < 0 or > 600) yield return $"{SectionName}:MaxRetryAfterSeconds must be between 0 and 600.";
        if (CircuitBreakSeconds is < 0 or > 3600) yield return $"{SectionName}:CircuitBreakSeconds must be between 0 and 3600.";
        if (CircuitMinimumCalls is < 2 or > 1000) yield return $"{SectionName}:CircuitMinimumCalls must be between 2 and 1000.";
        if (MaxConcurrency is < 1 or > 64) yield return $"{SectionName}:MaxConcurrency must be between 1 and 64.";
        if (MaxEvaluationQuestions is < 10 or > 100_000) yield return $"{SectionName}:MaxEvaluationQuestions must be between 10 and 100000.";
        if (InputPricePerMillionTokens < 0 || OutputPricePerMillionTokens < 0) yield return $"{SectionName}:InputPricePerMillionTokens and OutputPricePerMillionTokens cannot be negative.";
        if (!IsEnabled) yield break;

        if (string.IsNullOrWhiteSpace(Model))
            yield return $"{SectionName}:Model is required when {SectionName}:Provider is {Provider} (Azure: the deployment name).";
        var endpoint = ConfiguredEndpoint;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return $"{SectionName}:Endpoint must be an absolute http(s) URL (got '{endpoint}').";
        else if (endpoint is not null && Uri.TryCreate(endpoint, UriKind.Absolute, out var plain) && plain is { Scheme: "http", IsLoopback: false }
            && (!string.IsNullOrWhiteSpace(ApiKey) || Provider == AiProvider.AzureOpenAI))
            yield return $"{SectionName}:Endpoint {plain.Host} would receive the key or token in clear text: use an https:// URL.";
        switch (Provider)
        {
            case AiProvider.OpenAI when string.IsNullOrWhiteSpace(ApiKey):
                yield return $"{SectionName}:ApiKey is required when {SectionName}:Provider is OpenAI (for a local server that needs no key use Provider OpenAICompatible with {SectionName}:Endpoint).";
                break;
            case AiProvider.OpenAICompatible when endpoint is null:
                yield return $"{SectionName}:Endpoint is required when {SectionName}:Provider is OpenAICompatible (the server's base URL, e.g. http://localhost:11434/v1).";
                break;
            case AiProvider.AzureOpenAI when endpoint is null:
                yield return $"{SectionName}:Endpoint is required when {SectionName}:Provider is AzureOpenAI (https://NAME.openai.azure.com).";
                break;
        }
        if (Provider != AiProvider.AzureOpenAI && !string.IsNullOrWhiteSpace(ApiVersion))
            yield return $"{SectionName}:ApiVersion applies to AzureOpenAI only (Provider is {Provider}).";
        if (ApiVersion is { Length: > 0 } version && !ApiVersionShape().IsMatch(version.Trim()))
            yield return $"{SectionName}:ApiVersion must look like 2024-10-21 or 2025-04-01-preview (got '{version}').";
        if (Provider != AiProvider.AzureOpenAI && !string.IsNullOrWhiteSpace(ManagedIdentityClientId))
            yield return $"{SectionName}:ManagedIdentityClientId applies to AzureOpenAI only (Provider is {Provider}).";
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionShape();
}
