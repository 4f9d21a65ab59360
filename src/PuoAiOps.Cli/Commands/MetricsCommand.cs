using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo metrics`: the indicators with their numerators, denominators and definition version; `check` and `rebuild` for the rollups.</summary>
internal static class MetricsCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var metrics = new Command("metrics", "Indicators for a period (default: the last 7 whole days)");
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD (reporting time zone)" };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD (included)" };
        var by = new Option<string?>("--by") { Description = "Break down by intent, locale or channel" };
        by.AcceptOnlyFromAmong("intent", "locale", "channel");
        metrics.Options.Add(from);
        metrics.Options.Add(to);
        metrics.Options.Add(by);
        bind(async (ctx, ct) =>
        {
            await using var services = await MetricsServices.BuildAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<MetricsQueryService>();
            var filter = Filter(queries, ctx.Parse.GetValue(from), ctx.Parse.GetValue(to));
            await scope.ServiceProvider.GetRequiredService<RollupBuilder>().BuildAsync(ct);
            MetricsDimension? dimension = ctx.Parse.GetValue(by) switch
            {
                "intent" => MetricsDimension.Intent,
                "locale" => MetricsDimension.Locale,
                "channel" => MetricsDimension.Channel,
                _ => null,
            };
            var groups = await queries.IndicatorsAsync(filter, dimension, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { definitionsVersion = MetricRegistry.Version, from = filter.From, to = filter.To, by = ctx.Parse.GetValue(by), groups });
                return PuoCli.Ok;
            }
            ctx.Out.WriteLine($"Indicators {filter.From:yyyy-MM-dd} – {filter.To:yyyy-MM-dd} (definitions {MetricRegistry.Version})");
            foreach (var group in groups)
            {
                if (dimension is not null) ctx.Out.WriteLine($"\n[{group.Label}]");
                foreach (var i in group.Indicators) ctx.Out.WriteLine(Line(i));
            }
            return PuoCli.Ok;
        }).AttachTo(metrics);

        var check = new Command("check", "Prove the stored daily rollups equal a full recomputation (exit 1 when they differ)");
        bind(async (ctx, ct) =>
        {
            await using var services = await MetricsServices.BuildAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RollupBuilder>().CheckAsync(ct);
            if (ctx.Json) ctx.WriteJson(result);
            else
            {
                ctx.Out.WriteLine(result.Equal
                    ? $"Rollups equal a full recomputation: {result.Days} day(s), {result.StoredRows} row(s)."
                    : $"Rollups differ from a full recomputation in {result.Differences.Count} row(s) over {result.Days} day(s); run 'puo metrics rebuild'.");
                foreach (var d in result.Differences.Take(10)) ctx.Out.WriteLine("  " + d);
            }
            return result.Equal ? PuoCli.Ok : PuoCli.Failure;
        }).AttachTo(check);
        metrics.Subcommands.Add(check);

        var rebuild = new Command("rebuild", "Recompute every day's rollups from the raw conversations");
        bind(async (ctx, ct) =>
        {
            await using var services = await MetricsServices.BuildAsync(ctx, ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RollupBuilder>().RebuildAllAsync(ct);
            if (ctx.Json) ctx.WriteJson(result);
            else ctx.Out.WriteLine($"Rebuilt {result.Days} day(s) of rollups ({result.Rows} rows) in {result.Elapsed.TotalSeconds:0.0} s.");
            return PuoCli.Ok;
        }).AttachTo(rebuild);
        metrics.Subcommands.Add(rebuild);

        metrics.Subcommands.Add(JudgeCommand(bind));

        var definitions = new Command("definitions", "Print the indicator registry as the Markdown table of docs/metrics.md");
        bind((ctx, ct) =>
        {
            if (ctx.Json) ctx.WriteJson(new { version = MetricRegistry.Version, definitions = MetricRegistry.All });
            else ctx.Out.Write(MetricRegistry.RenderMarkdownTable());
            return Task.FromResult(PuoCli.Ok);
        }).AttachTo(definitions);
        metrics.Subcommands.Add(definitions);
        return metrics;
    }

    /// <summary>`puo metrics judge [--period YYYY-Www]`: the LLM judge over a week's grading sample (default: last week).</summary>
    private static Command JudgeCommand(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var judge = new Command("judge", "Pre-grade a week's grading sample with the LLM judge (needs Ai:Provider); its grades are a series of their own");
        var period = new Option<string?>("--period") { Description = "The sample's week, YYYY-Www (default: last week)" };
        judge.Options.Add(period);
        bind(async (ctx, ct) =>
        {
            await using var services = await MetricsServices.BuildAsync(ctx, ct, withAi: true);
            await using var scope = services.CreateAsyncScope();
            var answers = scope.ServiceProvider.GetRequiredService<AnswerJudge>();
            if (!answers.IsAvailable)
                throw new CliUsageException("No LLM is configured, so there is no judge to run: set Ai__Provider, Ai__Endpoint, Ai__Model and Ai__ApiKey.");
            var queries = scope.ServiceProvider.GetRequiredService<MetricsQueryService>();
            var week = ctx.Parse.GetValue(period) is { } given ? Week(given) : ReportingCalendar.IsoWeekOf(queries.DefaultFilter().From);
            var sampled = await scope.ServiceProvider.GetRequiredService<GradingService>().ProgressAsync(week, ct);
            if (sampled.Sampled == 0) throw new CliUsageException($"No grading sample has been drawn for {week}.");
            var result = await answers.RunAsync(week, null, ct);
            if (ctx.Json) ctx.WriteJson(result);
            else
                ctx.Out.WriteLine($"Judged {result.Period} as {result.GraderId}: {result.Graded} graded, {result.AlreadyJudged} judged before, " +
                    $"{result.Malformed} unusable output(s) and {result.Failed} failed call(s) skipped (of {result.Sampled} sampled answers).");
            // Failed calls leave answers unjudged: a non-zero exit so scripts notice and run it again.
            return result.Failed == 0 ? PuoCli.Ok : PuoCli.Failure;
        }).AttachTo(judge);
        return judge;
    }

    private static string Week(string text)
    {
        try { return ReportingCalendar.IsoWeekOf(ReportingCalendar.ParseIsoWeek(text.Trim())); }
        catch (FormatException) { throw new CliUsageException($"--period must be a week like 2026-W49, not '{text}'."); }
    }

    private static MetricsFilter Filter(MetricsQueryService queries, string? from, string? to)
    {
        var fallback = queries.DefaultFilter();
        var first = from is null ? fallback.From : MetricsServices.ParseDay(from, "--from");
        var last = to is null ? fallback.To : MetricsServices.ParseDay(to, "--to");
        if (from is not null && to is null) last = first.AddDays(6) < fallback.To ? first.AddDays(6) : fallback.To;
        if (to is not null && from is null) first = last.AddDays(-6);
        if (last < first) throw new CliUsageException("--to must not be before --from.");
        if (last.DayNumber - first.DayNumber > 366) throw new CliUsageException("A period is at most 366 days.");
        return new MetricsFilter(first, last);
    }

    private static string Line(IndicatorView i)
    {
        var inv = CultureInfo.InvariantCulture;
        if (i.Unit == "ms")
            return $"  {i.Name,-42} {(i.Value is { } ms ? ms.ToString("0", inv) + " ms" : "n/a"),12}   n={i.Denominator}   v{i.Version}";
        var value = i.Value is { } v ? (v * 100).ToString("0.0", inv) + " %" : "n/a";
        var interval = i.Low is { } l && i.High is { } h ? $"[{(l * 100).ToString("0.0", inv)}–{(h * 100).ToString("0.0", inv)}]" : "";
        var change = i.Change is { } c ? $"{(c >= 0 ? "+" : "")}{(c * 100).ToString("0.0", inv)} pt" : "";
        return $"  {i.Name + (i.Complete ? "" : " (window open)"),-42} {value,8} {interval,-14} {i.Numerator}/{i.Denominator}   {change,-10} v{i.Version}";
    }
}
