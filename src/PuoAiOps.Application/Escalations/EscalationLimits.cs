using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Escalations;

/// <summary>The queue's fixed limits and vocabulary, shared by the service, the API, the CLI and the page.</summary>
public static class EscalationLimits
{
    public const int NoteLength = 2000;
    public const int MaxPageSize = 200;

    /// <summary>Who may take, assign, release, close and reopen (Admin too); a Viewer reads only.</summary>
    public static readonly IReadOnlyList<string> HandlerRoles = [Roles.Curator, Roles.Reviewer, Roles.Admin];

    /// <summary>An open case older than this is shown as overdue; half of it, as getting old.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromHours(8);

    public static readonly string[] Statuses = ["open", "assigned", "closed"];
    public static readonly string[] Outcomes = ["resolved", "unresolved"];
    public static readonly string[] Sorts = ["created", "-created", "status", "reason"];

    /// <summary>The assignee filter's two words besides a user id.</summary>
    public const string Mine = "mine";
    public const string Unassigned = "unassigned";

    public static string Name(EscalationStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(EscalationOutcome outcome) => outcome == EscalationOutcome.ResolvedByPerson ? "resolved" : "unresolved";

    public static EscalationOutcome? ParseOutcome(string? text) => text switch
    {
        "resolved" => EscalationOutcome.ResolvedByPerson,
        "unresolved" => EscalationOutcome.NotResolved,
        _ => null,
    };

    public static EscalationStatus? ParseStatus(string? text) => text switch
    {
        "open" => EscalationStatus.Open,
        "assigned" => EscalationStatus.Assigned,
        "closed" => EscalationStatus.Closed,
        _ => null,
    };
}
