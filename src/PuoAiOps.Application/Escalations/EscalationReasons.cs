using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Escalations;

/// <summary>
/// How an escalation's reason is stored: its English in <see cref="Escalation.Reason"/> (what the CLI, the
/// REST API and the reason filter use) and the code with its arguments beside it, so the console words it in
/// the reader's language. The bot's reasons are <c>BotReason</c> codes; other writers use <see cref="HandoffReason"/>.
/// </summary>
public static class EscalationReasons
{
    /// <summary>The width of the stored English (longer reasons are cut; the code keeps the whole of it).</summary>
    public const int MaxLength = 200;

    public static Escalation WithReason(this Escalation escalation, CodedMessage reason)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(reason);
        var english = reason.English;
        (escalation.ReasonCode, escalation.ReasonArgs) = CodedMessageJson.Write(reason);
        escalation.Reason = english.Length > MaxLength ? english[..MaxLength] : english;
        return escalation;
    }

    /// <summary>The stored reason as a code; null for a row written before reasons had codes (shown in English).</summary>
    public static CodedMessage? Read(string? code, string? args) => MessageCodes.Read(code, args);
}

/// <summary>
/// Reasons for a hand-over that the bot's own decision (<c>BotReason</c>) does not give: a case filed for a
/// topic that always goes to a person, or after what the user did. The console words each value from
/// <c>EscalationsText</c> (<c>HandoffReason.&lt;value&gt;</c>), the API and CLI in English.
/// </summary>
public enum HandoffReason
{
    [English("account security")] AccountSecurity,
    [English("payout investigation")] PayoutInvestigation,
    [English("safety report needs review")] SafetyReport,
    [English("low intent confidence")] LowConfidence,
    [English("payment needs a manual check")] PaymentCheck,
    [English("user asked for an agent")] AgentRequested,
    [English("repeated negative feedback")] RepeatedNegativeFeedback,
}
