namespace PuoAiOps.Application.Demo;

/// <summary>Configuration section "Demo".</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed the demo workspace when the workspace is empty (hosts decide when to ask).</summary>
    public bool Seed { get; set; } = true;
}
