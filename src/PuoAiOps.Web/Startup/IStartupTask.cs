namespace PuoAiOps.Web.Startup;

/// <summary>When a start-up task runs.</summary>
public enum StartupPhase
{
    /// <summary>Before the console accepts requests (schema, roles): keep these fast.</summary>
    BeforeListening,

    /// <summary>In the background once the console listens (for example the demo seeder), so the
    /// console answers within seconds of start even when the task takes longer.</summary>
    AfterListening,
}

/// <summary>
/// Work done once per start, after the database schema is migrated. Register with
/// <c>builder.Services.AddStartupTask&lt;T&gt;()</c>; tasks of a phase run in registration order,
/// each in its own DI scope. This is where the demo seeder plugs in (a task gated by <c>Demo:Seed</c>).
/// </summary>
public interface IStartupTask
{
    StartupPhase Phase => StartupPhase.BeforeListening;

    Task RunAsync(CancellationToken ct);
}
