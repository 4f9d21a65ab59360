namespace PuoAiOps.Application.Scripts;

/// <summary>A new script: where it applies, how it is described, and its first draft.</summary>
public sealed record NewScriptInput(
    string IntentKey, string Locale, string Channel, string Title, DraftInput Draft,
    IReadOnlyList<string>? Tags = null, string? OwnerId = null);
