using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo escalations list [--status S] [--assignee A] [--take N] [--json]` and
/// `puo escalations close ID --note N [--outcome resolved|unresolved] [--as EMAIL]`: the hand-over
/// queue from a terminal, through the same services as the console. Bad input exits 2, a case that
/// moved on (already closed) exits 1.
/// </summary>
internal static class EscalationsCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var escalations = new Command("escalations", "The hand-over queue: list cases, close one with a note");
        escalations.Subcommands.Add(List(bind));
        escalations.Subcommands.Add(Close(bind));
        return escalations;
    }

    private static Command List(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var list = new Command("list", "List cases, the one waiting longest first");
        var status = new Option<string?>("--status") { Description = "open, assigned or closed (default: all)" };
        status.AcceptOnlyFromAmong(EscalationLimits.Statuses);
        var assignee = new Option<string?>("--assignee") { Description = "'unassigned' or a user id" };
        var take = new Option<int>("--take") { Description = "How many to list (1-200)", DefaultValueFactory = _ => 50 };
        list.Options.Add(status);
        list.Options.Add(assignee);
        list.Options.Add(take);
        bind(async (ctx, ct) =>
        {
            var size = ctx.Parse.GetValue(take);
            if (size is < 1 or > EscalationLimits.MaxPageSize) throw new CliUsageException($"--take must be between 1 and {EscalationLimits.MaxPageSize}");
            await using var services = await CliServices.BuildAsync(ctx, s => s.Services.AddEscalationServices(), ct);
            await using var scope = services.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<EscalationQueue>();
            var filter = new EscalationFilter { Status = ctx.Parse.GetValue(status), Assignee = ctx.Parse.GetValue(assignee), PageSize = size };
            EscalationPage page;
            try { page = await queue.SearchAsync(filter, null, ct); }
            catch (ValidationException ex) { throw new CliUsageException(ex.Message); }
            if (ctx.Json)
            {
                ctx.WriteJson(new { total = page.Total, items = page.Rows });
                return PuoCli.Ok;
            }
            foreach (var r in page.Rows)
                ctx.Out.WriteLine($"#{r.Id}\t{r.Status}\t{r.CreatedAt:yyyy-MM-dd HH:mm}Z\t{r.AssigneeName ?? "-"}\t{r.Reason}\tconversation {r.ConversationId}");
            ctx.Out.WriteLine($"{page.Rows.Count} of {page.Total} case(s).");
            return PuoCli.Ok;
        }).AttachTo(list);
        return list;
    }

    private static Command Close(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var close = new Command("close", "Close a case with what was done for the user");
        var id = new Argument<long>("id") { Description = "The escalation's number" };
        var note = new Option<string>("--note") { Description = "What was done (redacted before it is stored)", Required = true };
        var outcome = new Option<string>("--outcome") { Description = "resolved (by a person, the default) or unresolved", DefaultValueFactory = _ => "resolved" };
        outcome.AcceptOnlyFromAmong(EscalationLimits.Outcomes);
        var actAs = new Option<string?>("--as") { Description = "Email of the user to record as closing it (default: the command line itself)" };
        close.Arguments.Add(id);
        close.Options.Add(note);
        close.Options.Add(outcome);
        close.Options.Add(actAs);
        bind(async (ctx, ct) =>
        {
            await using var services = await CliServices.BuildAsync(ctx, s => s.Services.AddEscalationServices(), ct);
            await using var scope = services.CreateAsyncScope();
            // Without --as the command line itself closes, as a curator would; a named user keeps their own roles.
            var actor = await ScriptsCommand.ActorAsync(scope.ServiceProvider.GetRequiredService<PuoDbContext>(), ctx.Parse.GetValue(actAs), ct);
            var number = ctx.Parse.GetValue(id);
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<EscalationDesk>()
                    .CloseAsync(number, new CloseEscalationInput(ctx.Parse.GetValue(outcome), ctx.Parse.GetValue(note)), null, actor, ct);
                if (ctx.Json) ctx.WriteJson(result);
                else ctx.Out.WriteLine($"Escalation #{result.Id} closed ({ctx.Parse.GetValue(outcome)}).");
                return PuoCli.Ok;
            }
            catch (Exception ex) when (ex is ValidationException or NotFoundException or ForbiddenException)
            {
                throw new CliUsageException(ex.Message);
            }
            catch (ConflictException ex)
            {
                await ctx.Error.WriteLineAsync($"error: {ex.Message}");
                return PuoCli.Failure;
            }
        }).AttachTo(close);
        return close;
    }
}
