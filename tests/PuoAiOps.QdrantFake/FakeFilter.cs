using Grpc.Core;
using PuoAiOps.QdrantFake.Contract;

namespace PuoAiOps.QdrantFake;

/// <summary>
/// Filters as Qdrant evaluates them, for the conditions implemented here: must / should / must_not,
/// nested filters, has_id, and field matches on a keyword, an integer, a boolean or a list of
/// keywords / integers (an array payload matches when any element does). Anything else is refused.
/// </summary>
internal static class FakeFilter
{
    public static bool Matches(Filter? filter, FakePoint point)
    {
        if (filter is null) return true;
        if (filter.MinShould is not null) throw Unimplemented("min_should");
        return filter.Must.All(c => Matches(c, point))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Matches(c, point)))
            && !filter.MustNot.Any(c => Matches(c, point));
    }

    private static bool Matches(Condition condition, FakePoint point) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => id.Num == point.Id),
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, point),
        _ => throw Unimplemented($"condition {condition.ConditionOneOfCase}"),
    };

    private static bool Matches(FieldCondition field, FakePoint point)
    {
        if (field.Match is null) throw Unimplemented("field conditions other than match");
        var values = point.Payload.TryGetValue(field.Key, out var value) ? Flatten(value) : [];
        var match = field.Match;
        return match.MatchValueCase switch
        {
            Match.MatchValueOneofCase.Keyword => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && v.StringValue == match.Keyword),
            Match.MatchValueOneofCase.Integer => values.Any(v => v.KindCase == Value.KindOneofCase.IntegerValue && v.IntegerValue == match.Integer),
            Match.MatchValueOneofCase.Boolean => values.Any(v => v.KindCase == Value.KindOneofCase.BoolValue && v.BoolValue == match.Boolean),
            Match.MatchValueOneofCase.Keywords => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && match.Keywords.Strings.Contains(v.StringValue)),
            Match.MatchValueOneofCase.Integers => values.Any(v => v.KindCase == Value.KindOneofCase.IntegerValue && match.Integers.Integers.Contains(v.IntegerValue)),
            _ => throw Unimplemented($"match {match.MatchValueCase}"),
        };
    }

    private static List<Value> Flatten(Value value) =>
        value.KindCase == Value.KindOneofCase.ListValue ? [.. value.ListValue.Values] : [value];

    internal static RpcException Unimplemented(string what) =>
        new(new Status(StatusCode.Unimplemented, $"the test server does not implement {what}"));
}
