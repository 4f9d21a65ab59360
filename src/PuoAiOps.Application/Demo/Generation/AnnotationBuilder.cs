using System.Text.Json;
using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// One batch in progress: two annotators part-way through ~200 recent unlabelled questions with 10 %
/// gold items, so the queue, agreement statistics and the adjudication inbox all have content.
/// </summary>
internal sealed class AnnotationBuilder(WordLists words)
{
    public const int RegularItems = 180;
    public const int GoldItems = 20;

    private sealed record Annotator(string UserId, double Accuracy);

    private static readonly Annotator[] Annotators = [new(DemoUsers.AnnotatorLin, 0.9), new(DemoUsers.AnnotatorSam, 0.84)];

    public void Build(IReadOnlyList<DemoQuestion> questions, DemoDataSet set, DemoIds ids, DateTime now)
    {
        var random = DemoRandom.For(5);
        var from = now.AddDays(-30);
        var batch = new AnnotationBatch
        {
            Id = ids.Next<AnnotationBatch>(),
            Name = "Recent unlabelled questions - week review",
            Filter = JsonSerializer.Serialize(new { labeled = false, from = from.ToString("yyyy-MM-dd"), to = now.ToString("yyyy-MM-dd"), locales = DemoLocales.All }),
            LabelsPerItem = 2,
            GoldShare = 0.1,
            Order = BatchOrder.Random,
            ShowSuggestions = false,
            Status = BatchStatus.Open,
            CreatedById = DemoUsers.Reviewer,
            CreatedAt = now.AddDays(-4),
            IsDemo = true,
        };
        set.Batches.Add(batch);
        set.BatchAnnotators.AddRange(Annotators.Select(a => new BatchAnnotator { BatchId = batch.Id, UserId = a.UserId }));

        var unlabeled = questions
            .Where(q => q.Entity.FinalIntentId is null && !q.Entity.FinalOutOfScope && q.Entity.CreatedAt >= from)
            .OrderByDescending(q => q.Entity.CreatedAt)
            .Take(RegularItems);
        var gold = questions.Where(q => q.Kind == QuestionKind.Single && q.Entity.FinalIntentId == q.Intent?.Entity.Id).Take(GoldItems);
        var chosen = unlabeled.Select(q => (Question: q, Gold: false)).Concat(gold.Select(q => (Question: q, Gold: true)))
            .OrderBy(_ => random.NextDouble())
            .ToList();

        var labelTime = now.AddDays(-3);
        foreach (var (question, isGold) in chosen)
        {
            var item = new AnnotationItem
            {
                Id = ids.Next<AnnotationItem>(),
                BatchId = batch.Id,
                QuestionId = question.Entity.Id,
                IsGold = isGold,
                GoldIntentId = isGold ? question.Intent!.Entity.Id : null,
                Priority = random.NextDouble(),
                Version = random.NextGuid(),
            };
            set.Items.Add(item);

            // About half the items have both labels, a quarter one, a quarter none yet.
            var labelers = random.Weighted([0.5, 0.25, 0.25]) switch
            {
                0 => Annotators,
                1 => [random.Pick(Annotators)],
                _ => [],
            };
            var labels = new List<AnnotationLabel>();
            foreach (var annotator in labelers)
            {
                labelTime = labelTime.AddSeconds(random.Between(20, 900));
                labels.Add(Label(item, question, annotator, Min(labelTime, now.AddMinutes(-5)), ids, random));
            }
            set.Labels.AddRange(labels);
            item.LabelCount = labels.Count;
            item.Status = labels.Count < 2 ? ItemStatus.Open
                : isGold || Agree(labels[0], labels[1]) ? ItemStatus.Complete
                : ItemStatus.NeedsAdjudication;
            if (item.Status == ItemStatus.Complete && !isGold) ApplyConsensus(question.Entity, labels[0]);
            if (labels.Count < 2 && random.Chance(0.04))
                set.Skips.Add(new AnnotationSkip
                {
                    Id = ids.Next<AnnotationSkip>(),
                    ItemId = item.Id,
                    UserId = random.Pick(Annotators).UserId,
                    Reason = random.Pick(words.SkipReasons),
                    CreatedAt = Min(labelTime.AddMinutes(3), now),
                });
        }

        // A reviewer has already settled a few disagreements; the rest wait in the inbox.
        foreach (var item in set.Items.Where(i => i.BatchId == batch.Id && i.Status == ItemStatus.NeedsAdjudication).Take(4))
        {
            var question = chosen.First(c => c.Question.Entity.Id == item.QuestionId).Question;
            var adjudication = new Adjudication
            {
                Id = ids.Next<Adjudication>(),
                ItemId = item.Id,
                ReviewerId = DemoUsers.Reviewer,
                IntentId = question.Intent?.Entity.Id,
                OutOfScope = question.Kind == QuestionKind.OutOfScope,
                Reason = question.Kind == QuestionKind.Multi
                    ? "Two requests; labelled with the first one, as the guide says."
                    : "Matches the include criteria; the other label is a listed near miss.",
                CreatedAt = now.AddHours(-random.Between(2, 30)),
            };
            set.Adjudications.Add(adjudication);
            item.Status = ItemStatus.Adjudicated;
            question.Entity.FinalIntentId = adjudication.IntentId;
            question.Entity.FinalOutOfScope = adjudication.OutOfScope;
            question.Entity.FinalLabelSource = "adjudicated";
        }
    }

    private AnnotationLabel Label(AnnotationItem item, DemoQuestion question, Annotator annotator, DateTime at, DemoIds ids, DemoRandom random)
    {
        var label = new AnnotationLabel
        {
            Id = ids.Next<AnnotationLabel>(),
            ItemId = item.Id,
            QuestionId = item.QuestionId,
            UserId = annotator.UserId,
            DurationMs = (int)Math.Clamp(random.LogNormal(9_000, 0.6), 1_500, 120_000),
            CreatedAt = at,
        };
        var correct = random.Chance(annotator.Accuracy);
        switch (question.Kind)
        {
            case QuestionKind.OutOfScope:
                label.OutOfScope = correct;
                break;
            case QuestionKind.Unclear:
                // Vague texts: most say "unclear", the rest call them out of scope.
                label.Unclear = correct;
                label.OutOfScope = !correct;
                break;
            case QuestionKind.Multi:
                label.MultipleIntents = correct || random.Chance(0.3);
                break;
        }
        if (!label.OutOfScope && !label.Unclear && question.Intent is { } truth)
            label.IntentId = (correct ? truth : random.Pick(truth.Neighbours)).Entity.Id;
        else if (!label.OutOfScope && !label.Unclear && question.Kind == QuestionKind.OutOfScope)
            label.Unclear = true;
        if (random.Chance(0.06) || label.Unclear) label.Note = random.Pick(words.LabelNotes);
        return label;
    }

    private static bool Agree(AnnotationLabel a, AnnotationLabel b) =>
        a.OutOfScope && b.OutOfScope || a.IntentId is not null && a.IntentId == b.IntentId;

    private static void ApplyConsensus(Question question, AnnotationLabel label)
    {
        question.FinalIntentId = label.IntentId;
        question.FinalOutOfScope = label.OutOfScope;
        question.FinalLabelSource = "consensus";
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
