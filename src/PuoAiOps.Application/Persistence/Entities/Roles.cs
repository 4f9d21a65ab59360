namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>The five roles of the design. Names are stored in the Identity role table.</summary>
public static class Roles
{
    public const string Annotator = "Annotator";
    public const string Curator = "Curator";
    public const string Reviewer = "Reviewer";
    public const string Viewer = "Viewer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Annotator, Curator, Reviewer, Viewer, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Case-insensitive lookup of a role name as a person might type it.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
