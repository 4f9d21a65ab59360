using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Cli;

/// <summary>`puo escalations list` and `close`: JSON out, a closed case stored with its note, exit codes 2 and 1 for bad input and a case already closed.</summary>
public sealed class EscalationsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAndClose_WorkOnTheWorkspace_WithTheirExitCodes()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        long id;
        await using (var db = ws.NewContext())
        {
            var c = new Conversation { UserRef = "u1", Outcome = ConversationOutcome.Escalated };
            c.Turns.Add(new Turn { Ordinal = 1, Role = TurnRole.User, Text = "a person please" });
            db.Conversations.Add(c);
            await db.SaveChangesAsync(Ct);
            var e = new Escalation { ConversationId = c.Id, Reason = "user asked for an agent" };
            db.Escalations.Add(e);
            await db.SaveChangesAsync(Ct);
            id = e.Id;
        }

        var list = await CliRunner.RunAsync("escalations", "list", "--status", "open", "--data-dir", ws.DataDir, "--json");
        var close = await CliRunner.RunAsync("escalations", "close", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--note", "called the user back", "--data-dir", ws.DataDir);
        var again = await CliRunner.RunAsync("escalations", "close", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--note", "twice", "--data-dir", ws.DataDir);
        var missing = await CliRunner.RunAsync("escalations", "close", "999", "--note", "x", "--data-dir", ws.DataDir);
        var badStatus = await CliRunner.RunAsync("escalations", "list", "--status", "pending", "--data-dir", ws.DataDir);

        Assert.True(list.ExitCode == 0, list.Error);
        var item = JsonDocument.Parse(list.Out).RootElement.GetProperty("items")[0];
        Assert.Equal((id, "open"), (item.GetProperty("id").GetInt64(), item.GetProperty("status").GetString()));
        Assert.True(close.ExitCode == 0, close.Error);
        Assert.Contains($"#{id} closed", close.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is closed", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal(2, badStatus.ExitCode);
        await using var check = ws.NewContext();
        var stored = await check.Escalations.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal((EscalationStatus.Closed, EscalationOutcome.ResolvedByPerson, "called the user back"), (stored.Status, stored.Outcome, stored.ResolutionNote));
        Assert.Equal("cli", await check.AuditLog.Where(a => a.Action == "escalation.close").Select(a => a.ActorName).SingleAsync(Ct));
    }
}
