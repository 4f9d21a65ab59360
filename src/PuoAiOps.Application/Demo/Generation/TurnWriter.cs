using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>Appends turns to one conversation with consecutive ordinals and times that follow each other.</summary>
internal sealed class TurnWriter(Conversation conversation, DemoDataSet set, DemoIds ids)
{
    private int _ordinal;

    public DateTime Last { get; private set; } = conversation.StartedAt;

    public Turn User(string text, DateTime at)
    {
        Last = at;
        return Add(new Turn { Role = TurnRole.User, Text = text, CreatedAt = at, Source = AnswerSource.None });
    }

    /// <summary>A bot turn sent <paramref name="latencyMs"/> after the previous turn.</summary>
    public Turn Bot(string text, AnswerSource source, int latencyMs, int? intentId, double? confidence, long? scriptVersionId)
    {
        Last = Last.AddMilliseconds(latencyMs);
        return Add(new Turn
        {
            Role = TurnRole.Bot,
            Text = text,
            CreatedAt = Last,
            IntentId = intentId,
            Confidence = confidence,
            Source = source,
            ScriptVersionId = scriptVersionId,
            LatencyMs = latencyMs,
        });
    }

    private Turn Add(Turn turn)
    {
        turn.Id = ids.Next<Turn>();
        turn.ConversationId = conversation.Id;
        turn.Ordinal = _ordinal++;
        set.Turns.Add(turn);
        return turn;
    }
}
