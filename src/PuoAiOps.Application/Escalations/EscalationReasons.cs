using System.Collections.Frozen;
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

    /// <summary>
    /// Reasons whose argument is a measurement, not a different reason: "out of scope (confidence 0.93)" and
    /// "(confidence 0.41)" are one reason to count and to filter by, so they group by their stored code.
    /// </summary>
    private static readonly FrozenDictionary<string, CodedMessage> GroupedCodes = new Dictionary<string, CodedMessage>(StringComparer.Ordinal)
    {
        [$"{nameof(Bot.BotReason)}.{nameof(Bot.BotReason.OutOfScope)}"] = CodedMessage.Of(HandoffReason.OutOfScope),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The group a stored reason is counted and filtered in: for a reason grouped by its code, the stored code as the
    /// filter's value and a wording without the measurement; otherwise its English (the value) and its own code.
    /// </summary>
    public static EscalationReasonChoice Group(string english, CodedMessage? code) =>
        code is not null && GroupedCodes.TryGetValue(code.ResourceKey, out var group) ? new(code.ResourceKey, group) : new(english, code);

    /// <summary>True when a reason filter's value is a grouped code (matched against the stored code, not the English).</summary>
    public static bool IsGroupedCode(string value) => GroupedCodes.ContainsKey(value);
}

/// <summary>
/// Reasons for a hand-over that the bot's own decision (<c>BotReason</c>) does not give: a case filed for a
/// topic that always goes to a person, or after what the user did. The console words each value from
/// <c>Localization/ReasonText</c> (<c>HandoffReason.&lt;value&gt;</c>), as do the reports in either language; the API in English.
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
    /// <summary>The bot's out-of-scope hand-overs counted together, whatever their confidence (<see cref="EscalationReasons.Group"/>).</summary>
    [English("out of scope")] OutOfScope,
}
