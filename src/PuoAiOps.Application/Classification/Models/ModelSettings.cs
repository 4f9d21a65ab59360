using System.Text.Json;
using System.Text.Json.Serialization;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Application.Classification.Models;

/// <summary>
/// What a version was built with; stored as <c>ModelVersion.Settings</c> (JSON). Offline versions
/// carry the trainer options, LLM versions the endpoint, model and prompt revision (never the key).
/// </summary>
public sealed record ModelSettings
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Display name of whoever trained it (the user row may be gone later).</summary>
    public string TrainedBy { get; init; } = "";
    public SplitSettings Split { get; init; } = new();
    public TrainerOptions? Trainer { get; init; }
    public LlmSettings? Llm { get; init; }
    public string? Note { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModelSettings FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new ModelSettings();
        try
        {
            return JsonSerializer.Deserialize<ModelSettings>(json, Json) ?? new ModelSettings();
        }
        catch (JsonException)
        {
            return new ModelSettings();
        }
    }
}

/// <summary>The LLM side of <see cref="ModelSettings"/>.</summary>
public sealed record LlmSettings(string Provider, string Endpoint, string Model, string Prompt, string PromptHash, int MaxQuestions, string Currency);
