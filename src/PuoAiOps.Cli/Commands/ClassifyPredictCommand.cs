using System.CommandLine;
using System.Globalization;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo classify predict "text"`: the label, confidence and alternatives for one question.</summary>
internal static class ClassifyPredictCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("predict", "Classify one question with a saved model");
        var text = new Argument<string>("text") { Description = "The question" };
        var model = new Option<string?>("--model") { Description = "Model file (default: the one 'classify train' saved in the data folder)" };
        var top = new Option<int>("--top") { Description = "How many alternatives to list", DefaultValueFactory = _ => 3 };
        command.Arguments.Add(text);
        command.Options.Add(model);
        command.Options.Add(top);
        bind((ctx, _) =>
        {
            var question = ctx.Parse.GetValue(text);
            if (string.IsNullOrWhiteSpace(question)) throw new CliUsageException("the question is empty");
            var prediction = ClassifyData.LoadModel(ctx.Parse.GetValue(model) ?? ClassifyData.WorkspaceModelPath(ctx)).Predict(question, Math.Max(0, ctx.Parse.GetValue(top)));
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    label = prediction.Label,
                    confidence = prediction.Confidence,
                    out_of_scope = prediction.IsOutOfScope,
                    top = prediction.TopK.Select(s => new { label = s.Label, probability = s.Probability }),
                });
                return Task.FromResult(PuoCli.Ok);
            }
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prediction.Label} ({prediction.Confidence:P1}){(prediction.IsOutOfScope ? " — out of scope" : "")}"));
            foreach (var alternative in prediction.TopK)
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {alternative.Label,-30} {alternative.Probability:P1}"));
            return Task.FromResult(PuoCli.Ok);
        }).AttachTo(command);
        return command;
    }
}
