using System.Text.Json;
using PuoAiOps.Application.Classification.Models;

namespace PuoAiOps.Application.Classification.Evaluation;

/// <summary>Reads and writes <c>ModelVersion.Metrics</c>.</summary>
public static class EvaluationJson
{
    public static string Write(EvaluationReport report) => JsonSerializer.Serialize(report, ModelSettings.Json);

    /// <summary>The stored report, or an empty one for versions without metrics.</summary>
    public static EvaluationReport Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json == "{}") return new EvaluationReport();
        try
        {
            return JsonSerializer.Deserialize<EvaluationReport>(json, ModelSettings.Json) ?? new EvaluationReport();
        }
        catch (JsonException)
        {
            return new EvaluationReport();
        }
    }
}
