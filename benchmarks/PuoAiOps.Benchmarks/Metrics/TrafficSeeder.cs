using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PuoAiOps.Benchmarks.Metrics;

/// <summary>
/// Writes bot traffic at scale straight into a migrated SQLite workspace: N conversations over 90
/// days (five turns each), with feedback, escalations and human grades, fixed seed. Values are
/// written in the formats EF uses (enums as text, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF").
/// </summary>
internal static class TrafficSeeder
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private static readonly string[] Channels = ["app", "app", "app", "web", "email"];
    private static readonly string[] Sources = ["Script", "Script", "Script", "Sop", "Llm", "Fallback"];
    private static readonly string[] Outcomes = ["Resolved", "Resolved", "Resolved", "Escalated", "Abandoned"];
    private static readonly string[] FeedbackKinds = ["ThumbsUp", "ThumbsDown", "Solved", "NotSolved", "Rating"];
    private static readonly string[] Verdicts = ["Correct", "Correct", "Partial", "Incorrect"];

    public static async Task SeedAsync(string file, int conversations, DateTime now)
    {
        var random = new Random(42);
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        var intents = await IntentsAsync(connection);

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var conv = Command(connection, tx, "INSERT INTO Conversations (Id, UserRef, Channel, Locale, StartedAt, EndedAt, IntentId, IntentConfidence, Outcome, Resolution, IsTest, ModelVersionId, IsDemo) VALUES ($id,$u,$ch,$lo,$s,$e,$i,$c,$o,$r,$t,NULL,0)");
        var turn = Command(connection, tx, "INSERT INTO Turns (Id, ConversationId, Ordinal, Role, Text, CreatedAt, IntentId, Confidence, Source, ScriptVersionId, LatencyMs) VALUES ($id,$cid,$ord,$role,$text,$at,$i,$c,$src,NULL,$lat)");
        var feedback = Command(connection, tx, "INSERT INTO Feedback (ConversationId, TurnId, Kind, Rating, Comment, CreatedAt) VALUES ($cid,$tid,$k,$r,NULL,$at)");
        var escalation = Command(connection, tx, "INSERT INTO Escalations (ConversationId, Reason, Status, AssigneeId, CreatedAt, ClosedAt) VALUES ($cid,'user asked for an agent','Closed',NULL,$at,$at)");
        var grade = Command(connection, tx, "INSERT INTO Grades (TurnId, ConversationId, Grader, GraderId, Verdict, Note, ReasonCodes, CreatedAt) VALUES ($tid,$cid,'Human','bench',$v,NULL,NULL,$at)");

        var start = now.AddDays(-90);
        long turnId = 0;
        for (long id = 1; id <= conversations; id++)
        {
            var at = start.AddSeconds(90.0 * 86400 * (id - 1) / conversations + random.Next(60));
            var intent = intents[random.Next(intents.Count)];
            var confidence = Math.Round(0.2 + random.NextDouble() * 0.8, 3);
            var outcome = Outcomes[random.Next(Outcomes.Length)];
            var source = confidence < 0.5 ? "Fallback" : Sources[random.Next(Sources.Length)];
            Set(conv, id, "u" + random.Next(200_000).ToString(CultureInfo.InvariantCulture), Channels[random.Next(Channels.Length)],
                random.Next(2) == 0 ? "en" : "zh-CN", D(at), D(at.AddMinutes(4)), intent, confidence, outcome,
                outcome == "Resolved" && random.Next(3) == 0 ? "Confirmed" : outcome == "Resolved" ? "Assumed" : "None", random.Next(100) == 0 ? 1 : 0);
            await conv.ExecuteNonQueryAsync();
            long firstBot = 0;
            for (var ord = 0; ord < 5; ord++)
            {
                var bot = ord % 2 == 1 || ord == 4;
                Set(turn, ++turnId, id, ord, bot ? "Bot" : "User", bot ? "Here is how to fix it." : "my recharge did not arrive",
                    D(at.AddSeconds(ord * 20)), intent, confidence, bot ? source : "None", bot ? 150 + random.Next(3000) : null);
                await turn.ExecuteNonQueryAsync();
                if (bot && firstBot == 0) firstBot = turnId;
            }
            if (random.Next(10) < 3)
            {
                var kind = FeedbackKinds[random.Next(FeedbackKinds.Length)];
                Set(feedback, id, firstBot, kind, kind == "Rating" ? 1 + random.Next(5) : null, D(at.AddMinutes(2)));
                await feedback.ExecuteNonQueryAsync();
            }
            if (outcome == "Escalated")
            {
                Set(escalation, id, D(at.AddMinutes(4)));
                await escalation.ExecuteNonQueryAsync();
            }
            if (random.Next(20) == 0)
            {
                Set(grade, firstBot, id, Verdicts[random.Next(Verdicts.Length)], D(at.AddDays(1)));
                await grade.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }

    private static async Task<List<int>> IntentsAsync(SqliteConnection connection)
    {
        await Exec(connection, "INSERT INTO Domains (Key, Names, Description, SortOrder, IsDemo) VALUES ('bench', '{\"en\":\"Bench\"}', '', 0, 0)");
        for (var i = 0; i < 48; i++)
            await Exec(connection, $"INSERT INTO Intents (DomainId, Key, Names, Description, IncludeCriteria, ExcludeCriteria, Examples, Status, GuideRef, ReplacedById, IsDemo, UpdatedAt, Version) " +
                                   $"VALUES ((SELECT Id FROM Domains WHERE Key='bench'), 'intent_{i}', '{{\"en\":\"Intent {i}\"}}', '', '', '', '[]', 'Active', NULL, NULL, 0, '2026-01-01 00:00:00', '{Guid.NewGuid()}')");
        var ids = new List<int>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Id FROM Intents";
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) ids.Add(r.GetInt32(0));
        return ids;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var m in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
            cmd.Parameters.Add(new SqliteParameter(m, null));
        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static string D(DateTime at) => at.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
