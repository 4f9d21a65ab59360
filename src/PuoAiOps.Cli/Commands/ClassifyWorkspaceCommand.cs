using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Batch;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo model list|show|train|evaluate-llm|promote|rollback|batch`: the workspace's classifier
/// versions, the same services the console's Classifier page uses (results are identical).
/// The LLM endpoint comes from the environment (Ai__Provider, Ai__Endpoint, Ai__Model, Ai__ApiKey).
/// </summary>
internal static class ClassifyWorkspaceCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var model = new Command("model", "Intent classifier versions of the workspace: train, evaluate, promote, classify unlabeled questions");
        model.Subcommands.Add(List(bind));
        model.Subcommands.Add(Show(bind));
        model.Subcommands.Add(Train(bind));
        model.Subcommands.Add(EvaluateLlm(bind));
        model.Subcommands.Add(Promote(bind));
        model.Subcommands.Add(Rollback(bind));
        model.Subcommands.Add(Batch(bind));
        return model;
    }

    private static Command List(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var list = new Command("list", "List model versions, newest first (* = serving)");
        bind(async (ctx, ct) =>
        {
            await using var services = await ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var versions = await scope.ServiceProvider.GetRequiredService<ModelRegistry>().ListAsync(ct);
            if (ctx.Json) ctx.WriteJson(versions);
            else if (versions.Count == 0) ctx.Out.WriteLine("No model versions yet. Train one with 'puo model train'.");
            else
            {
                ctx.Out.WriteLine($"{"",1} {"id",4}  {"kind",-7} {"name",-20} {"accuracy",8} {"macro-F1",8} {"test",6}  trained");
                foreach (var v in versions)
                    ctx.Out.WriteLine(string.Create(Inv, $"{(v.IsServing ? "*" : " ")} {v.Id,4}  {v.Kind,-7} {Cut(v.Name, 20),-20} {v.Accuracy,8:P1} {v.MacroF1,8:P1} {v.TestCount,6}  {v.TrainedAt:yyyy-MM-dd HH:mm} by {v.TrainedBy}"));
            }
            return PuoCli.Ok;
        }).AttachTo(list);
        return list;
    }

    private static Command Show(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var show = new Command("show", "Evaluation of one version: headline numbers, per-intent scores, worst confusions");
        var id = new Argument<long>("id") { Description = "Version id (see 'puo model list')" };
        show.Arguments.Add(id);
        bind(async (ctx, ct) =>
        {
            await using var services = await ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var detail = await scope.ServiceProvider.GetRequiredService<ModelRegistry>().GetAsync(ctx.Parse.GetValue(id), ct)
                ?? throw new CliUsageException($"no model version {ctx.Parse.GetValue(id)}");
            if (ctx.Json)
            {
                ctx.WriteJson(new { detail.Summary, detail.Settings, detail.Report });
                return PuoCli.Ok;
            }
            var r = detail.Report;
            ctx.Out.WriteLine(string.Create(Inv, $"#{detail.Summary.Id} {detail.Summary.Name} ({detail.Summary.Kind}){(detail.Summary.IsServing ? ", serving" : "")}"));
            ctx.Out.WriteLine(string.Create(Inv, $"accuracy {r.Accuracy:P1}, macro-F1 {r.MacroF1:P1}, out-of-scope recall {Pct(r.OutOfScopeRecall)}, precision {Pct(r.OutOfScopePrecision)}"));
            ctx.Out.WriteLine(string.Create(Inv, $"threshold {r.Threshold:0.000}: coverage {r.Coverage:P1}, answered accuracy {r.AnsweredAccuracy:P1}; {r.TrainCount} train / {r.ValidationCount} validation / {r.TestCount} test"));
            if (r.Usage is { } u)
                ctx.Out.WriteLine(string.Create(Inv, $"{u.Calls} calls, {u.InputTokens} input + {u.OutputTokens} output tokens, {r.Failures} failures{(u.EstimatedCost is { } c ? $", about {c:0.####} {detail.Settings.Llm?.Currency}" : "")}"));
            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"{"label",-32} {"precision",9} {"recall",7} {"F1",7} {"support",8}");
            foreach (var m in r.PerLabel.OrderBy(m => m.F1))
                ctx.Out.WriteLine(string.Create(Inv, $"{Cut(m.Label, 32),-32} {m.Precision,9:P1} {m.Recall,7:P1} {m.F1,7:P1} {m.Support,8}"));
            if (r.WorstPairs.Count > 0)
            {
                ctx.Out.WriteLine();
                ctx.Out.WriteLine("Most frequent confusions (true -> predicted):");
                foreach (var p in r.WorstPairs) ctx.Out.WriteLine(string.Create(Inv, $"  {p.Truth} -> {p.Predicted}: {p.Count} ({p.Share:P0} of {p.Truth})"));
            }
            return PuoCli.Ok;
        }).AttachTo(show);
        return show;
    }

    private static Command Train(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var train = new Command("train", "Train a new offline version on the final labels and evaluate it on the held-out test part");
        var name = new Option<string?>("--name") { Description = "Version name (default offline-N)" };
        var note = new Option<string?>("--note") { Description = "A note stored with the version" };
        var c = new Option<float?>("--c") { Description = "SVM cost (default 1; higher fits the training data more closely)" };
        var targetRecall = new Option<float?>("--oos-recall")
        {
            Description = string.Create(Inv, $"Out-of-scope recall the threshold is tuned for (default {new TrainerOptions().TargetOutOfScopeRecall:0.##})"),
        };
        var testShare = new Option<double?>("--test-share") { Description = "Share of labels held out for testing (default 0.2)" };
        var trainingShare = new Option<double?>("--training-share") { Description = "Train on this share of the training part only (default 1)" };
        var promote = new Option<bool>("--promote") { Description = "Promote the new version to serving right away" };
        foreach (var option in new Option[] { name, note, c, targetRecall, testShare, trainingShare, promote }) train.Options.Add(option);
        bind(async (ctx, ct) =>
        {
            await using var services = await ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var defaults = new TrainerOptions();
            var split = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClassifierOptions>>().Value.DefaultSplit;
            var request = new TrainRequest
            {
                Name = ctx.Parse.GetValue(name),
                Note = ctx.Parse.GetValue(note),
                Trainer = defaults with
                {
                    C = ctx.Parse.GetValue(c) ?? defaults.C,
                    TargetOutOfScopeRecall = ctx.Parse.GetValue(targetRecall) ?? defaults.TargetOutOfScopeRecall,
                },
                Split = split with
                {
                    TestShare = ctx.Parse.GetValue(testShare) ?? split.TestShare,
                    TrainingShare = ctx.Parse.GetValue(trainingShare) ?? 1,
                },
            };
            var version = await Run(() => scope.ServiceProvider.GetRequiredService<ModelTrainingService>().TrainAsync(request, CliActor, new StderrProgress(ctx), ct));
            if (ctx.Parse.GetValue(promote))
                version = await scope.ServiceProvider.GetRequiredService<ModelRegistry>().PromoteAsync(version.Id, CliActor, ct);
            Report(ctx, version, "Trained");
            return PuoCli.Ok;
        }).AttachTo(train);
        return train;
    }

    private static Command EvaluateLlm(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var evaluate = new Command("evaluate-llm", "Evaluate the configured LLM endpoint as a classifier on the same test questions (Ai__* settings)");
        var name = new Option<string?>("--name") { Description = "Version name (default llm-N)" };
        evaluate.Options.Add(name);
        bind(async (ctx, ct) =>
        {
            await using var services = await ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var version = await Run(() => scope.ServiceProvider.GetRequiredService<LlmEvaluationService>().EvaluateAsync(ctx.Parse.GetValue(name), CliActor, new StderrProgress(ctx), ct));
            Report(ctx, version, "Evaluated");
            return PuoCli.Ok;
        }).AttachTo(evaluate);
        return evaluate;
    }

    private static Command Promote(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var promote = new Command("promote", "Make a version the one that serves (every console instance switches within seconds)");
        var id = new Argument<long>("id") { Description = "Version id (see 'puo model list')" };
        promote.Arguments.Add(id);
        bind(async (ctx, ct) =>
        {
            await using var services = await ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var version = await Run(() => scope.ServiceProvider.GetRequiredService<ModelRegistry>().PromoteAsync(ctx.Parse.GetValue(id), CliActor, ct));
            Report(ctx, version, "Promoted");
            return PuoCli.Ok;
        }).AttachTo(promote);
        return promote;
    }

    private static Command Rollback(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var rollback = new Command("rollback", "Serve the version that served before the current one");
        bind(async (ctx, ct) =>
        {
            await using var services = await ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var version = await Run(() => scope.ServiceProvider.GetRequiredService<ModelRegistry>().RollbackAsync(CliActor, ct));
            Report(ctx, version, "Rolled back to");
            return PuoCli.Ok;
        }).AttachTo(rollback);
        return rollback;
    }

    private static Command Batch(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var batch = new Command("batch", "Classify every unlabeled question with the serving version (feeds uncertain-first annotation batches)");
        bind(async (ctx, ct) =>
        {
            await using var services = await ServicesAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var result = await Run(() => scope.ServiceProvider.GetRequiredService<BatchClassificationService>().RunAsync(CliActor, new StderrProgress(ctx), ct));
            if (ctx.Json) ctx.WriteJson(result);
            else ctx.Out.WriteLine(string.Create(Inv,
                $"Classified {result.Questions} unlabeled questions with version #{result.VersionId} in {result.Elapsed.TotalSeconds:0.0} s: " +
                $"{result.LowConfidence} below {BatchClassificationService.LowConfidence:P0} confidence, {result.OutOfScope} out of scope, {result.Failed} failed."));
            return PuoCli.Ok;
        }).AttachTo(batch);
        return batch;
    }

    /// <summary>Whoever can run the CLI owns the data folder: it acts as curator and reviewer.</summary>
    private static readonly Actor CliActor = Actor.System("command line", Roles.Curator, Roles.Reviewer);

    /// <summary>The console's classification registrations and settings (sections Classifier, Ai, Jobs), validated as it validates them.</summary>
    internal static Task<ServiceProvider> ServicesAsync(CliContext ctx, CancellationToken ct) =>
        CliServices.BuildAsync(ctx, builder => builder.AddClassification(), ct);

    /// <summary>Service refusals are bad input (exit 2) with their own message.</summary>
    private static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenException or NotFoundException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            throw new CliUsageException(ex.Message);
        }
        catch (Exception ex) when (ex is AiUnavailableException or JobFailedException)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }

    private static void Report(CliContext ctx, ModelVersionSummary v, string verb)
    {
        if (ctx.Json) ctx.WriteJson(v);
        else ctx.Out.WriteLine(string.Create(Inv,
            $"{verb} #{v.Id} {v.Name}: accuracy {v.Accuracy:P1}, macro-F1 {v.MacroF1:P1} on {v.TestCount} test questions ({v.TrainCount} trained){(v.IsServing ? "; serving" : "")}."));
    }

    private static string Pct(double? value) => value is { } v ? v.ToString("P1", Inv) : "n/a";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>Progress lines on standard error (standard output stays for the result).</summary>
    private sealed class StderrProgress(CliContext ctx) : IJobProgress
    {
        private readonly Lock _lock = new();
        private string? _last;

        public Task ReportAsync(double fraction, CodedMessage coded, CancellationToken ct = default)
        {
            var message = coded.English;
            // LLM evaluation reports from several calls at once.
            lock (_lock)
            {
                if (message == _last) return Task.CompletedTask;
                _last = message;
                ctx.Error.WriteLine(string.Create(Inv, $"[{fraction,4:P0}] {message}"));
            }
            return Task.CompletedTask;
        }
    }
}
