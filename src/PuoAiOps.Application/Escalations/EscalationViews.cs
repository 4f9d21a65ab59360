using System.Text.Json.Serialization;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Escalations;

/// <summary>
/// Filters of the queue: status (open | assigned | closed), reason (exact), intent key, locale,
/// channel, created from/to (workspace dates, inclusive), assignee ("mine", "unassigned" or a user
/// id), sort (created | -created | status | reason; default oldest first), page from 0.
/// </summary>
public sealed record EscalationFilter
{
    public string? Status { get; init; }
    public string? Reason { get; init; }
    public string? Intent { get; init; }
    public string? Locale { get; init; }
    public string? Channel { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Assignee { get; init; }
    public string? Sort { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

/// <summary>One case as the queue lists it; <see cref="Version"/> goes back with the next command.</summary>
/// <param name="Reason">Why the bot handed over, in English (the API's and the CLI's; the reason filter's value).</param>
/// <param name="ReasonCode">The reason as a code, for the console to word; null for cases stored before reasons had codes.</param>
public sealed record EscalationRow(long Id, long ConversationId, string Reason, string Status, string? AssigneeId, string? AssigneeName,
    DateTime CreatedAt, DateTime? AssignedAt, DateTime? ClosedAt, string? Outcome, string? Intent, string Locale, string Channel,
    string FirstQuestion, int Version, [property: JsonIgnore] CodedMessage? ReasonCode = null);

/// <summary>A reason the filter offers: its English (the filter's value) and its code when it has one (the label's wording).</summary>
public sealed record EscalationReasonChoice(string Reason, CodedMessage? Code);

public sealed record EscalationPage(IReadOnlyList<EscalationRow> Rows, int Total);

/// <summary>How many cases are in each status under the other filters (the page's tabs).</summary>
public sealed record EscalationCounts(int Open, int Assigned, int Closed)
{
    public int All => Open + Assigned + Closed;
}

/// <summary>One case with everything a person needs to act on it (the transcript comes from the conversation browser).</summary>
public sealed record EscalationDetail(EscalationRow Row, string? ClosedById, string? ClosedByName, string? ResolutionNote);

/// <summary>Someone a case can be assigned to.</summary>
public sealed record EscalationHandler(string Id, string DisplayName);

/// <summary>How a person closes a case: outcome "resolved" (by a person) or "unresolved", and a note.</summary>
public sealed record CloseEscalationInput(string? Outcome, string? Note);
