using System.Linq.Expressions;
using System.Reflection;

namespace PuoAiOps.Core.Metrics;

/// <summary>
/// The additive counts behind the per-conversation indicators, defined once. <see cref="IndicatorCounts"/> adds the
/// latency histogram and the counting rules; both rollup tables store these as they are, one column per count named as
/// its property. Adding, copying and describing go over every public <c>long</c> property, so a new count is a property
/// here, its rule in <see cref="IndicatorCounts.Add(ConversationFacts, bool, double)"/> and a migration adding its columns.
/// </summary>
public class AdditiveCounts
{
    public long Conversations { get; set; }
    public long Finished { get; set; }
    public long Confirmed { get; set; }
    public long Assumed { get; set; }
    public long Unresolved { get; set; }
    public long Escalated { get; set; }
    public long Abandoned { get; set; }
    public long WithIntent { get; set; }
    public long Recontacted { get; set; }
    public long Covered { get; set; }
    public long Answered { get; set; }
    public long Fallback { get; set; }
    public long Rated { get; set; }
    public long RatedGood { get; set; }
    public long Graded { get; set; }
    public long GradedCorrect { get; set; }

    /// <summary>The counts' names in declaration order: the rollup tables' column names and the order of <see cref="Describe"/>.</summary>
    public static IReadOnlyList<string> Names => Fields.Names;

    /// <summary>Adds every count of <paramref name="other"/> (only the counts: a derived type adds its own parts itself).</summary>
    public void Add(AdditiveCounts other) => Fields.AddAll(this, other);

    /// <summary>A new object holding these counts alone, as the rollup tables store them.</summary>
    public AdditiveCounts CopyCounts()
    {
        var copy = new AdditiveCounts();
        copy.Add(this);
        return copy;
    }

    /// <summary>The counts in declaration order, comma-separated: to compare stored rows with recomputed ones.</summary>
    public string Describe() => string.Join(',', Fields.Getters.Select(get => get(this)));

    /// <summary>The counts as found by reflection once; adding is compiled so that it costs what sixteen written-out additions do.</summary>
    private static class Fields
    {
        private static readonly PropertyInfo[] Properties = typeof(AdditiveCounts)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType == typeof(long) && p.CanWrite)
            .OrderBy(p => p.MetadataToken) // declaration order, which reflection does not promise otherwise
            .ToArray();

        public static readonly string[] Names = Properties.Select(p => p.Name).ToArray();

        public static readonly Func<AdditiveCounts, long>[] Getters =
            Properties.Select(p => p.GetMethod!.CreateDelegate<Func<AdditiveCounts, long>>()).ToArray();

        public static readonly Action<AdditiveCounts, AdditiveCounts> AddAll = CompileAddAll();

        private static Action<AdditiveCounts, AdditiveCounts> CompileAddAll()
        {
            var target = Expression.Parameter(typeof(AdditiveCounts), "target");
            var other = Expression.Parameter(typeof(AdditiveCounts), "other");
            var body = Expression.Block(Properties.Select(p => Expression.AddAssign(Expression.Property(target, p), Expression.Property(other, p))));
            return Expression.Lambda<Action<AdditiveCounts, AdditiveCounts>>(body, target, other).Compile();
        }
    }
}
