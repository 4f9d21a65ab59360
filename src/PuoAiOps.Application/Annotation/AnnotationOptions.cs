using System.ComponentModel.DataAnnotations;

namespace PuoAiOps.Application.Annotation;

/// <summary>Configuration section "Annotation".</summary>
public sealed class AnnotationOptions
{
    public const string SectionName = "Annotation";

    /// <summary>How long an item stays reserved for the annotator it was handed to.</summary>
    [Range(1, 120)]
    public int LeaseMinutes { get; set; } = 5;

    public TimeSpan LeaseDuration => TimeSpan.FromMinutes(LeaseMinutes);

    public IEnumerable<string> Validate()
    {
        if (LeaseMinutes is < 1 or > 120)
            yield return $"{SectionName}:LeaseMinutes must be between 1 and 120 (minutes).";
    }
}
