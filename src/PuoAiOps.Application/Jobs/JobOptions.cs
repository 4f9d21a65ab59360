namespace PuoAiOps.Application.Jobs;

/// <summary>Configuration section "Jobs": the background job runner every console instance hosts.</summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>False on instances that should only serve pages (another instance runs the jobs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle runner looks for queued work.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>How long a lease lasts without a heartbeat; a job whose instance died is taken over after this.</summary>
    public int LeaseSeconds { get; set; } = 60;

    public IEnumerable<string> Validate()
    {
        if (PollSeconds is < 0.05 or > 300)
            yield return $"{SectionName}:PollSeconds must be between 0.05 and 300.";
        if (LeaseSeconds is < 5 or > 3600)
            yield return $"{SectionName}:LeaseSeconds must be between 5 and 3600.";
    }
}
