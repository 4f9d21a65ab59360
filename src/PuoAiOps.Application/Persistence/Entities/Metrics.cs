using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>
/// One cell of the daily indicator cube: the additive counts of the conversations that started on
/// <see cref="Day"/> (reporting time zone) and share intent, locale, channel, first answer source,
/// script version and model version. Any period, filter or breakdown is a sum of these rows.
/// </summary>
public sealed class MetricRollup
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public int? IntentId { get; set; }
    public string Locale { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>Source of the first bot answer, "None" when the bot never answered.</summary>
    public string AnswerSource { get; set; } = "";
    public long? ScriptVersionId { get; set; }
    public long? ModelVersionId { get; set; }
    /// <summary>The additive counts, a complex type: one column per count, named as the count.</summary>
    public AdditiveCounts Counts { get; set; } = new();
    /// <summary>Bot-turn latency histogram, "bucket:count,…" (see <c>LatencyHistogram</c>).</summary>
    public string LatencyBuckets { get; set; } = "";
}

/// <summary>
/// One user's conversations on one <see cref="Day"/> (reporting time zone) in one intent, locale and
/// channel, for the user reuse rate: a distinct-user count cannot be added up from the cube, so it is
/// counted over these rows. <see cref="Returned"/> is true when the user came back (a new conversation
/// within N days, not a same-intent recontact within 24 h) after at least one of them.
/// </summary>
public sealed class MetricUserDay
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public string UserRef { get; set; } = "";
    public int? IntentId { get; set; }
    public string Locale { get; set; } = "";
    public string Channel { get; set; } = "";
    public bool Returned { get; set; }
}

/// <summary>
/// How many users were active (or, with <see cref="Returned"/>, active with a return) on <see cref="Day"/>
/// in one locale and channel cell, by the days since their previous such day in the same cell
/// (<see cref="Gap"/>; 0 when none within the last 366 days). A null locale or channel is the cell over
/// all of them. The distinct users of a period [F, T] are the ones whose previous day falls before F:
/// the sum over its days d of the rows with gap 0 or gap above d - F, a few hundred rows instead of a
/// distinct count over every user row. Derived from <see cref="MetricUserDay"/> by the rollup job.
/// </summary>
public sealed class MetricReuseCount
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public string? Locale { get; set; }
    public string? Channel { get; set; }
    public bool Returned { get; set; }
    public int Gap { get; set; }
    public long Users { get; set; }
}

/// <summary>
/// The cube (<see cref="MetricRollup"/>) summed over answer source, script version and model version: one row per
/// <see cref="Day"/>, intent, locale and channel, where a null <see cref="Locale"/> or <see cref="Channel"/> is the cell
/// over all of them. The dashboard overview reads one cell (~50 rows a day instead of ~1,100 cube rows); a domain
/// filter keeps working because intents are kept. Written by the rollup job from the cube rows it computes.
/// </summary>
public sealed class MetricIntentDay
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public int? IntentId { get; set; }
    public string? Locale { get; set; }
    public string? Channel { get; set; }
    /// <summary>The additive counts, a complex type: one column per count, named as the count.</summary>
    public AdditiveCounts Counts { get; set; } = new();
    /// <summary>Bot-turn latency histogram, merged, in the compact form of <c>LatencyHistogram.ToBytes</c>.</summary>
    public byte[] Latency { get; set; } = [];
}

public enum ReportKind { Daily, Weekly }

/// <summary>A generated data review report: kept, listable, rendered to Markdown (en/zh) or CSV on download.</summary>
public sealed class MetricReport
{
    public long Id { get; set; }
    public ReportKind Kind { get; set; }
    /// <summary>"2026-12-05" for a day, "2026-W49" for a week.</summary>
    public string Period { get; set; } = "";
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public string DefinitionsVersion { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public DateTime GeneratedAt { get; set; }
    public string GeneratedBy { get; set; } = "";
    /// <summary>The report's figures as JSON (<c>ReportDocument</c>).</summary>
    public string Content { get; set; } = "";
}

/// <summary>
/// A bot answer drawn into a period's grading sample. Slot 1 is the grade that counts; slot 2 is the
/// second, independent grade of the share graded twice, for agreement (kappa).
/// </summary>
public sealed class GradingAssignment
{
    public long Id { get; set; }
    /// <summary>The sample's period, e.g. "2026-W49".</summary>
    public string Period { get; set; } = "";
    public long TurnId { get; set; }
    public long ConversationId { get; set; }
    /// <summary>"intent|source|band", the stratum the answer was drawn from.</summary>
    public string Stratum { get; set; } = "";
    public int Slot { get; set; } = 1;
    public string? GradedById { get; set; }
    public long? GradeId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? GradedAt { get; set; }
    /// <summary>The reviewer the answer is shown to now; another reviewer gets the next one until the lease expires.</summary>
    public string? LeasedById { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
}
