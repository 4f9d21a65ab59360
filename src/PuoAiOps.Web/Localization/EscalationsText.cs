namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the escalation queue (/escalations) and the wording of <c>EscalationRefusal</c>.</summary>
public sealed class EscalationsText;
