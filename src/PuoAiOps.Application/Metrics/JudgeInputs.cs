using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Metrics;

/// <summary>One answer as the judge sees it: the user's turns up to it, the answer, and what it was built from.</summary>
internal sealed record JudgeInput(long TurnId, long ConversationId, string Question, string Answer, string Reference);

/// <summary>
/// Reads what the judge needs for a batch of answers in a few queries: the conversation's user turns
/// up to the answer, the answer, and its reference (the reply script version it filled, or the SOP
/// passages its trace lists). Turn text is stored redacted; the kernel's render filter redacts again.
/// Every part is neutralised so that no text can forge the prompt's markers or its message tags.
/// </summary>
internal sealed class JudgeInputs(PuoDbContext db)
{
    /// <summary>Passages given to the judge at most, in the order the bot ranked them.</summary>
    private const int MaxPassages = 4;

    public async Task<List<JudgeInput>> LoadAsync(IReadOnlyList<long> turnIds, CancellationToken ct)
    {
        var answers = await db.Turns.AsNoTracking().Where(t => turnIds.Contains(t.Id))
            .Select(t => new { t.Id, t.ConversationId, t.Ordinal, t.Text, t.ScriptVersionId }).ToListAsync(ct);
        var conversationIds = answers.Select(a => a.ConversationId).Distinct().ToList();
        var userTurns = (await db.Turns.AsNoTracking().Where(t => conversationIds.Contains(t.ConversationId) && t.Role == TurnRole.User)
                .Select(t => new { t.ConversationId, t.Ordinal, t.Text }).ToListAsync(ct))
            .ToLookup(t => t.ConversationId);
        var traces = await db.TurnTraces.AsNoTracking().Where(t => turnIds.Contains(t.TurnId)).ToDictionaryAsync(t => t.TurnId, t => t.Json, ct);
        var passagesByTurn = traces.ToDictionary(t => t.Key, t => Passages(t.Value));
        var chunkIds = passagesByTurn.Values.SelectMany(p => p).Distinct().ToList();
        var chunks = await db.Chunks.AsNoTracking().Where(c => chunkIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Heading, c.Text }, ct);
        var scriptIds = answers.Where(a => a.ScriptVersionId is not null).Select(a => a.ScriptVersionId!.Value).Distinct().ToList();
        var scripts = await db.ScriptVersions.AsNoTracking().Where(v => scriptIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Body, ct);

        return answers.OrderBy(a => a.Id).Select(a =>
        {
            var question = string.Join("\n", userTurns[a.ConversationId].Where(u => u.Ordinal < a.Ordinal).OrderBy(u => u.Ordinal).Select(u => Neutralize(u.Text)));
            var reference = new StringBuilder();
            if (a.ScriptVersionId is { } script && scripts.TryGetValue(script, out var body))
                reference.Append("Reply script:\n").Append(Neutralize(body)).Append('\n');
            var index = 0;
            foreach (var id in passagesByTurn.GetValueOrDefault(a.Id) ?? [])
                if (chunks.TryGetValue(id, out var chunk))
                    reference.Append("SOP passage ").Append(++index).Append(": ").Append(Neutralize(chunk.Heading)).Append('\n').Append(Neutralize(chunk.Text)).Append('\n');
            return new JudgeInput(a.Id, a.ConversationId, question.Length == 0 ? "(none)" : question, Neutralize(a.Text),
                reference.Length == 0 ? "(none)" : reference.ToString().TrimEnd());
        }).ToList();
    }

    private static List<long> Passages(string json)
    {
        try
        {
            var trace = JsonSerializer.Deserialize<BotTrace>(json, ChatService.TraceJson);
            return trace?.Passages.Take(MaxPassages).Select(p => p.ChunkId).ToList() ?? [];
        }
        catch (JsonException)
        {
            return []; // an unreadable trace: judged without passages
        }
    }

    private static string Neutralize(string text) => GroundedAnswerer.Neutralize(text);
}
