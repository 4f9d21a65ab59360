using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Common;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo ask "question" [--locale L] [--channel C] [--context key=value]… [--json] [--trace]`: one
/// question through the same pipeline and service as <c>POST /api/v1/chat</c>; --json prints the
/// API's response object. The conversation is stored as test traffic (left out of every indicator).
/// </summary>
internal static class AskCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("ask", "Ask the bot a question, as a service channel would");
        var question = new Argument<string>("question") { Description = "The user's message" };
        var locale = new Option<string?>("--locale") { Description = "en or zh-CN (default: guessed from the text)" };
        var channel = new Option<string?>("--channel") { Description = $"One of: {string.Join(", ", BotChannels.All)} (default: {BotChannels.Default})" };
        var context = new Option<string[]>("--context") { Description = "A value for scripts, as key=value (repeatable), e.g. user_name=Sam", AllowMultipleArgumentsPerToken = false };
        var trace = new Option<bool>("--trace") { Description = "Also print why the bot answered so (with --json: a \"trace\" object beside the response)" };
        command.Arguments.Add(question);
        foreach (var option in new Option[] { locale, channel, context, trace }) command.Options.Add(option);
        bind(async (ctx, ct) =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in ctx.Parse.GetValue(context) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) throw new CliUsageException($"--context '{pair}' is not key=value");
                values[pair[..eq].Trim()] = pair[(eq + 1)..];
            }
            await using var services = await CliServices.BuildAsync(ctx, b =>
            {
                b.AddClassification();
                b.Services.AddKnowledgeServices(o => KnowledgeEnvironment.Apply(o));
                b.Services.AddVectorSearchServices();
                b.Services.AddScriptsServices();
                b.AddBot();
            }, ct);
            await using var scope = services.CreateAsyncScope();
            ChatResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<ChatService>().ChatAsync(
                    new ChatRequest(null, "cli", ctx.Parse.GetValue(question) ?? "", ctx.Parse.GetValue(locale), ctx.Parse.GetValue(channel), values) { IsTest = true }, ct);
            }
            catch (ValidationException ex)
            {
                throw new CliUsageException(string.Join(" ", ex.Errors.SelectMany(e => e.Value).DefaultIfEmpty(ex.Message)));
            }
            var r = result.Response;
            var response = new Dictionary<string, object?>
            {
                ["conversation_id"] = r.ConversationId, ["turn_id"] = r.TurnId, ["answer"] = r.Answer,
                ["intent"] = new Dictionary<string, object?> { ["key"] = r.Intent.Key, ["confidence"] = r.Intent.Confidence },
                ["source"] = new Dictionary<string, object?> { ["type"] = r.Source.Type, ["script_version"] = r.Source.ScriptVersion, ["chunk_ids"] = r.Source.ChunkIds },
                ["escalated"] = r.Escalated,
            };
            if (ctx.Json)
            {
                if (ctx.Parse.GetValue(trace)) response["trace"] = result.Trace;
                ctx.WriteJson(response);
                return PuoCli.Ok;
            }
            ctx.Out.WriteLine(r.Answer);
            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"[{r.Source.Type}{(r.Source.ScriptVersion is { } v ? $" version {v}" : "")}{(r.Source.ChunkIds is { } ids ? $" chunks {string.Join(",", ids)}" : "")}] intent {r.Intent.Key ?? "-"} ({r.Intent.Confidence:0.00}){(r.Escalated ? ", escalated" : "")}");
            if (ctx.Parse.GetValue(trace))
            {
                var t = result.Trace;
                ctx.Out.WriteLine($"reason: {t.Reason}");
                foreach (var s in t.Stages) ctx.Out.WriteLine($"  {s.Name}: {s.Ms:0.0} ms");
            }
            return PuoCli.Ok;
        }).AttachTo(command);
        return command;
    }
}
