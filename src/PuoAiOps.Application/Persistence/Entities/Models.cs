namespace PuoAiOps.Application.Persistence.Entities;

public enum ModelKind { Offline, Llm }

/// <summary>A trained (or configured) classifier version. The serving one is stored here so every instance uses it.</summary>
public sealed class ModelVersion
{
    public long Id { get; set; }
    public ModelKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string DataHash { get; set; } = "";
    public List<string> Labels { get; set; } = [];
    public string Settings { get; set; } = "{}";
    public string Metrics { get; set; } = "{}";
    public string? TrainedById { get; set; }
    public DateTime TrainedAt { get; set; } = DateTime.UtcNow;
    public bool IsServing { get; set; }
    public DateTime? PromotedAt { get; set; }
    public string? PromotedById { get; set; }
    /// <summary>Serialized model; null for LLM classifiers, whose "model" is the prompt and endpoint.</summary>
    public byte[]? Blob { get; set; }
    public bool IsDemo { get; set; }
}
