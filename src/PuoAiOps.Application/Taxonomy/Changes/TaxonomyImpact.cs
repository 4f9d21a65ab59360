using System.Text.Json.Serialization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>Rows that point at an intent, by table. The same shape counts a preview and reports what an approval moved.</summary>
public sealed record ReferenceCounts(
    int Labels = 0, int FinalLabels = 0, int Predictions = 0, int GoldItems = 0, int Adjudications = 0,
    int Conversations = 0, int Turns = 0)
{
    public static readonly ReferenceCounts None = new();

    public int Total => Labels + FinalLabels + Predictions + GoldItems + Adjudications + Conversations + Turns;

    public static ReferenceCounts operator +(ReferenceCounts a, ReferenceCounts b) => new(
        a.Labels + b.Labels, a.FinalLabels + b.FinalLabels, a.Predictions + b.Predictions, a.GoldItems + b.GoldItems,
        a.Adjudications + b.Adjudications, a.Conversations + b.Conversations, a.Turns + b.Turns);

    public ReferenceCounts Add(ReferenceCounts other) => this + other;

    public override string ToString() =>
        $"labels={Labels} final={FinalLabels} predicted={Predictions} gold={GoldItems} adjudications={Adjudications} conversations={Conversations} turns={Turns}";
}

/// <summary>
/// What approval does to a reply script. Move: it follows its intent's labels to the new intent.
/// Retire: the new intent already has a script in that locale, so this one stays on the deprecated
/// intent, unpublished, with its open versions retired (its text remains readable in its history).
/// </summary>
public enum ScriptAction { Move, Retire }

public sealed record ScriptImpact(
    long ScriptId, string Locale, string Title, bool Published, string FromIntentKey, string ToIntentKey,
    ScriptAction Action, long? ConflictsWithScriptId);

/// <summary>One labelled question and where approval sends it (Reason: Explicit, Keyword, Default or Merge).</summary>
public sealed record ImpactSample(long QuestionId, string Text, string FromIntentKey, string ToIntentKey, string Reason);

/// <summary>Counts for one part of the change: per source intent for a merge, per new intent for a split.</summary>
public sealed record ImpactGroup(string IntentKey, ReferenceCounts Counts);

public sealed record TaxonomyImpact(
    TaxonomyChangeKind Kind,
    IReadOnlyList<string> SourceKeys,
    IReadOnlyList<string> TargetKeys,
    ReferenceCounts Total,
    IReadOnlyList<ImpactGroup> Groups,
    IReadOnlyList<ScriptImpact> Scripts,
    IReadOnlyList<ImpactSample> Samples,
    [property: JsonIgnore] IReadOnlyList<CodedMessage> NoteMessages)
{
    /// <summary>The notes in English (the API's and the CLI's); the console words <see cref="NoteMessages"/>.</summary>
    public IReadOnlyList<string> Notes => NoteMessages.Select(n => n.English).ToList();

    public int ScriptConflicts => Scripts.Count(s => s.Action == ScriptAction.Retire);
}
