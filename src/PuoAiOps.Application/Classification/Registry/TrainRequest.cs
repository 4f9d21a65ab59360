using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>What to train: trainer options and split (null = defaults), an optional name and note.</summary>
public sealed record TrainRequest
{
    public string? Name { get; init; }
    public string? Note { get; init; }
    public TrainerOptions? Trainer { get; init; }
    public SplitSettings? Split { get; init; }
    public bool IsDemo { get; init; }
}

/// <summary>Who may train and evaluate classifiers: curators, reviewers and admins (the content area).</summary>
public static class ClassifierPermissions
{
    public static bool CanTrain(Actor actor) => actor.IsInAnyRole(Roles.Curator, Roles.Reviewer, Roles.Admin);

    public static void RequireTrainer(Actor actor)
    {
        if (!CanTrain(actor)) throw new ForbiddenException(CodedMessage.Of(ClassificationRefusal.OnlyTrainers));
    }
}
