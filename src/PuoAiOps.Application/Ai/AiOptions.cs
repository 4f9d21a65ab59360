namespace PuoAiOps.Application.Ai;

public enum AiProvider { None, OpenAI, AzureOpenAI }

/// <summary>
/// Configuration section "Ai": the OpenAI-compatible endpoint for LLM features. With <c>None</c>
/// (the default) the console runs fully offline and LLM features say they are not configured.
/// </summary>
public sealed class AiOptions
{
    public const string SectionName = "Ai";

    public AiProvider Provider { get; set; } = AiProvider.None;

    /// <summary>
    /// Base URL. OpenAI: optional (default https://api.openai.com/v1); any OpenAI-compatible server
    /// (vLLM, Ollama, LM Studio) by its /v1 URL. AzureOpenAI: the resource URL
    /// (https://NAME.openai.azure.com); <c>/openai/v1/</c> is appended when missing.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Alias of <see cref="Endpoint"/> (the name OpenAI-compatible servers use).</summary>
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Model name (Azure: the deployment name).</summary>
    public string? Model { get; set; }

    /// <summary>Per attempt; a slower answer counts as a failure and is retried.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a timeout, 429 or 5xx (0 = none).</summary>
    public int MaxRetries { get; set; } = 2;

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

    public IEnumerable<string> Validate()
    {
        if (TimeoutSeconds is < 1 or > 600) yield return $"{SectionName}:TimeoutSeconds must be between 1 and 600.";
        if (MaxRetries is < 0 or > 10) yield return $"{SectionName}:MaxRetries must be between 0 and 10.";
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
        if (Provider == AiProvider.AzureOpenAI)
        {
            if (endpoint is null) yield return $"{SectionName}:Endpoint is required when {SectionName}:Provider is AzureOpenAI (https://NAME.openai.azure.com).";
            if (string.IsNullOrWhiteSpace(ApiKey)) yield return $"{SectionName}:ApiKey is required when {SectionName}:Provider is AzureOpenAI.";
        }
        else if (endpoint is null && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{SectionName}:ApiKey is required for api.openai.com (set {SectionName}:Endpoint for a local OpenAI-compatible server that needs no key).";
        }
    }
}
