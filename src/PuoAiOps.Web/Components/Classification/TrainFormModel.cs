namespace PuoAiOps.Web.Components.Classification;

/// <summary>What the train form edits; empty numbers mean the defaults.</summary>
public sealed class TrainFormModel
{
    public string? Name { get; set; }
    public string? Note { get; set; }
    public double? C { get; set; }
    public double? OutOfScopeRecall { get; set; }
    public double? TestShare { get; set; }
    public double? TrainingShare { get; set; }

    public Application.Classification.Registry.TrainInput ToInput() => new(Name, Note, C, OutOfScopeRecall, TestShare, TrainingShare);
}
