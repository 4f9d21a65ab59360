using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Escalations;

/// <summary>
/// Why an escalation command or filter is refused: the console words each value from
/// <c>EscalationsText</c> (<c>EscalationRefusal.&lt;value&gt;</c>), the API and CLI in English.
/// </summary>
public enum EscalationRefusal
{
    [English("Escalation #{0} does not exist.")] NotFound,
    [English("Escalation #{0} changed since you loaded it; reload it and try again.")] Changed,
    [English("Escalation #{0} was taken by {1} first.")] TakenByOther,
    [English("Escalation #{0} is already yours.")] AlreadyYours,
    [English("Escalation #{0} is closed; reopen it first.")] IsClosed,
    [English("Escalation #{0} is not closed.")] NotClosed,
    [English("Escalation #{0} is not assigned to anyone.")] NotAssigned,
    [English("There is no user '{0}'.")] UnknownUser,
    [English("{0} cannot handle escalations: it takes an enabled account with the Curator, Reviewer or Admin role.")] NotEligible,
    [English("Only curators, reviewers and admins handle escalations.")] NotAllowed,
    [English("Write a resolution note: what was done for the user.")] NoteRequired,
    [English("Keep the resolution note under {0} characters.")] NoteTooLong,
    [English("Unknown {0} '{1}'; use one of: {2}.")] UnknownValue,
    [English("The date range ends before it starts.")] DatesReversed,
}
