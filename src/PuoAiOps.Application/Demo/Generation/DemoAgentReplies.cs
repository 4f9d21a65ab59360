using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts.AgentReplies;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// A few agents' replies in English and Chinese (Content/agent-replies.csv), in the shape of an imported support data
/// set with <c>{{Order Number}}</c>-style placeholders, so the standardize page has something to pick from.
/// </summary>
internal static class DemoAgentReplies
{
    private const string ResourceSuffix = ".Demo.Content.agent-replies.csv";

    public static async Task<int> SeedAsync(PuoDbContext db, DateTime now, CancellationToken ct)
    {
        var assembly = typeof(DemoAgentReplies).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var (rows, errors) = AgentReplyFile.Read(reader, "agent-replies.csv", 1000);
        if (errors.Count > 0) throw new InvalidDataException($"Demo agent replies: {string.Join("; ", errors.Select(e => e.English))}");
        var intents = await db.Intents.Where(i => i.IsDemo).ToDictionaryAsync(i => i.Key, i => i.Id, StringComparer.Ordinal, ct);
        db.AgentReplies.AddRange(rows.Select((r, i) => new AgentReply
        {
            Text = r.Text,
            Question = r.Question,
            Locale = r.Locale ?? "en",
            IntentId = r.IntentKey is { } key && intents.TryGetValue(key, out var id) ? id : null,
            Source = "agent-replies.csv",
            ImportedBy = "demo",
            ImportedAt = now.AddDays(-7).AddMinutes(i),
            IsDemo = true,
        }));
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
