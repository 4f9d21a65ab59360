namespace PuoAiOps.Application.Demo;

/// <summary>What <see cref="DemoWorkspace.SeedAsync(CancellationToken)"/> wrote; all zero when the demo was already there.</summary>
public sealed record DemoSeedResult(
    bool Seeded,
    int Domains,
    int Intents,
    int SopDocuments,
    int SopChunks,
    int Scripts,
    int ScriptVersions,
    int Questions,
    int Conversations,
    int Turns,
    int Feedback,
    int Grades,
    int Escalations,
    int AnnotationItems,
    int AnnotationLabels,
    int Users,
    TimeSpan Elapsed)
{
    public static DemoSeedResult AlreadyPresent(TimeSpan elapsed) => new(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, elapsed);
}

/// <summary>Top-level demo rows deleted by <see cref="DemoWorkspace.RemoveAsync"/>; their children went with them.</summary>
public sealed record DemoRemoveResult(
    int Domains,
    int Intents,
    int SopDocuments,
    int Scripts,
    int Questions,
    int Conversations,
    int Batches,
    int Users,
    int ModelVersions,
    TimeSpan Elapsed);

/// <summary>Removal would break work done outside the demo; the message names what and how many.</summary>
public sealed class DemoRemovalBlockedException(string message) : InvalidOperationException(message);
