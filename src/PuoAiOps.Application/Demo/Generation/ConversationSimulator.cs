using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

internal sealed record ConversationRequest(TrafficUser User, DateTime Start, string Channel, QuestionKind Kind, DemoIntent? Truth, DemoIntent? Second, bool IsTest);

/// <summary>The bot's answer to the first question.</summary>
internal sealed record BotAnswer(AnswerSource Source, string Text, ReplyScriptVersion? Version, bool Right);

/// <summary>
/// Plays one conversation: the user's question, the classifier's guess and confidence, the answer
/// (script version in force at that time, SOP, generated, or fallback), and how it ended. The odds
/// are set so the indicators come out plausible: correct script answers resolve most often, newer
/// script versions a little more, wrong intents and fallbacks mostly escalate or are abandoned.
/// </summary>
internal sealed class ConversationSimulator(
    DemoTaxonomy taxonomy, ScriptTimeline scripts, AnswerRenderer answers, QuestionTextGenerator texts,
    ConversationAftermath aftermath, TrafficCalendar calendar, DemoDataSet set, DemoIds ids, DemoRandom random, DateTime now)
{
    public const double CoverageThreshold = 0.5;

    private static readonly HashSet<string> AlwaysHuman = ["account_hacked", "payout_missing", "minor_protection", "scam_report"];

    /// <summary>Adds the conversation and its rows; true when it failed the user (escalated, abandoned or negative feedback).</summary>
    public bool Run(ConversationRequest request)
    {
        var locale = request.User.Locale;
        var language = random.Chance(0.92) ? locale : DemoLocales.Other(locale);
        var conversation = new Conversation
        {
            Id = ids.Next<Conversation>(),
            UserRef = request.User.Ref,
            Channel = request.Channel,
            Locale = locale,
            StartedAt = request.Start,
            IsTest = request.IsTest,
            IsDemo = true,
        };
        set.Conversations.Add(conversation);
        var turns = new TurnWriter(conversation, set, ids);

        turns.User(request.Kind switch
        {
            QuestionKind.OutOfScope => texts.OutOfScope(language),
            QuestionKind.Unclear => texts.Unclear(language),
            QuestionKind.Multi => texts.Multi(request.Truth!.Spec, request.Second!.Spec, language),
            _ => texts.ForIntent(request.Truth!.Spec, language),
        }, request.Start);

        var (predicted, confidence) = Classify(request);
        conversation.IntentId = predicted?.Entity.Id;
        conversation.IntentConfidence = confidence;
        var answer = Answer(request, predicted, confidence, locale);
        var botTurn = turns.Bot(answer.Text, answer.Source, Latency(answer.Source), predicted?.Entity.Id, confidence, answer.Version?.Id);

        // Conversations of the last quarter hour are still going on.
        if (request.Start > now.AddMinutes(-15)) return false;

        Decide(conversation, request, answer);
        FollowUps(conversation, turns, request, predicted, language, locale);
        conversation.EndedAt = turns.Last.AddSeconds(random.Between(10, 120));
        if (request.IsTest) return false;

        var negative = aftermath.Feedback(conversation, botTurn);
        aftermath.Escalate(conversation, request.Truth, predicted, confidence);
        aftermath.Grade(conversation, botTurn, answer, request.Kind);
        return negative || conversation.Outcome is ConversationOutcome.Escalated or ConversationOutcome.Abandoned;
    }

    private (DemoIntent? Intent, double Confidence) Classify(ConversationRequest request)
    {
        var progress = (request.Start - calendar.WindowStart).TotalDays / TrafficCalendar.Days;
        switch (request.Kind)
        {
            case QuestionKind.Single:
                var truth = request.Truth!;
                var difficulty = truth.Entity.Id * 37 % 9 / 100.0;
                return random.Chance(0.79 + 0.08 * progress - difficulty)
                    ? (truth, Math.Clamp(0.99 - random.Exponential(0.11), 0.35, 0.99))
                    : (truth.Neighbours[random.Next(Math.Min(3, truth.Neighbours.Count))], random.Between(0.3, 0.8));
            case QuestionKind.Multi:
                var pick = random.Weighted([0.45, 0.45, 0.1]);
                return (pick switch { 0 => request.Truth, 1 => request.Second, _ => request.Truth!.Neighbours[0] }, random.Between(0.45, 0.85));
            default:
                var confidence = request.Kind == QuestionKind.OutOfScope ? random.Between(0.1, 0.55) : random.Between(0.05, 0.45);
                return (confidence < 0.25 ? null : taxonomy.Intents[random.Next(taxonomy.Intents.Count)], confidence);
        }
    }

    private BotAnswer Answer(ConversationRequest request, DemoIntent? predicted, double confidence, string locale)
    {
        var at = request.Start;
        if (predicted is null || confidence < CoverageThreshold)
        {
            return request.Kind == QuestionKind.OutOfScope && random.Chance(0.5)
                ? new BotAnswer(AnswerSource.Fallback, answers.OutOfScope(locale), null, Right: true)
                : new BotAnswer(AnswerSource.Fallback, answers.Fallback(locale), null, Right: false);
        }
        var right = predicted == request.Truth || request.Kind == QuestionKind.Multi && predicted == request.Second;
        if (scripts.ServedAt(predicted.Entity.Id, locale, at) is { } version)
            return new BotAnswer(AnswerSource.Script, answers.Script(version.Body, locale, at), version, right);
        if (answers.FindSop(predicted.Spec.Sop, locale) is { } sop)
            return new BotAnswer(AnswerSource.Sop, answers.Sop(sop), null, right);
        if (answers.FindSop(predicted.Spec.Sop, DemoLocales.English) is { } english)
            return new BotAnswer(AnswerSource.Llm, AnswerRenderer.Generated(english, locale), null, right);
        return new BotAnswer(AnswerSource.Fallback, answers.Fallback(locale), null, Right: false);
    }

    private void Decide(Conversation conversation, ConversationRequest request, BotAnswer answer)
    {
        double resolve, escalate;
        if (request.IsTest) (resolve, escalate) = (0.5, 0);
        else if (request.Kind == QuestionKind.Unclear) (resolve, escalate) = (0.05, 0.3);
        else if (request.Kind == QuestionKind.OutOfScope) (resolve, escalate) = answer.Right ? (0.1, 0.04) : (0.03, 0.12);
        else if (!answer.Right) (resolve, escalate) = (0.12, 0.3);
        else if (AlwaysHuman.Contains(request.Truth!.Spec.Key)) (resolve, escalate) = (0.25, 0.6);
        else
        {
            resolve = answer.Source switch
            {
                AnswerSource.Script => answer.Version!.Number > 1 ? 0.8 : 0.72, // rewritten scripts do better
                AnswerSource.Sop => 0.62,
                _ => 0.56,
            };
            if (request.Kind == QuestionKind.Multi) resolve -= 0.2;
            escalate = 0.1;
        }

        // On an incident day the bot cannot fix the spiking problem (the payment provider is down, the
        // release crashes): most of those users need a person. This is the anomaly the p-chart alerts find.
        if (!request.IsTest && request.Truth is { } truth && calendar.IntentBoost(truth.Spec.Key, request.Start) >= 3)
            (resolve, escalate) = (Math.Min(resolve, 0.1), 0.75);

        var roll = random.NextDouble();
        conversation.Outcome = roll < resolve ? ConversationOutcome.Resolved
            : roll < resolve + escalate ? ConversationOutcome.Escalated
            : ConversationOutcome.Abandoned;
        conversation.Resolution = conversation.Outcome != ConversationOutcome.Resolved ? ResolutionTier.None
            : !request.IsTest && random.Chance(0.42) ? ResolutionTier.Confirmed
            : ResolutionTier.Assumed;
    }

    private void FollowUps(Conversation conversation, TurnWriter turns, ConversationRequest request, DemoIntent? predicted, string language, string locale)
    {
        var at = request.Start;
        switch (conversation.Outcome, conversation.Resolution)
        {
            case (ConversationOutcome.Resolved, ResolutionTier.Confirmed) when random.Chance(0.45):
                turns.User(texts.FollowUp("positive", language), turns.Last.AddSeconds(random.Between(20, 90)));
                turns.Bot(answers.Closing(locale), AnswerSource.Script, Latency(AnswerSource.Script), predicted?.Entity.Id, conversation.IntentConfidence, null);
                break;
            case (ConversationOutcome.Resolved, _) when random.Chance(0.25) && answers.FindSop(predicted?.Spec.Sop, locale) is { } sop:
                turns.User(texts.FollowUp("question", language), turns.Last.AddSeconds(random.Between(20, 120)));
                turns.Bot(answers.Sop(sop), AnswerSource.Sop, Latency(AnswerSource.Sop), predicted?.Entity.Id, conversation.IntentConfidence, null);
                break;
            case (ConversationOutcome.Escalated, _):
                if (random.Chance(0.65)) turns.User(texts.FollowUp("negative", language), turns.Last.AddSeconds(random.Between(15, 120)));
                turns.Bot(answers.Handoff(locale, at), AnswerSource.Handoff, Latency(AnswerSource.Handoff), predicted?.Entity.Id, conversation.IntentConfidence, null);
                break;
            case (ConversationOutcome.Abandoned, _) when random.Chance(0.3):
                turns.User(texts.FollowUp("negative", language), turns.Last.AddSeconds(random.Between(15, 120)));
                if (random.Chance(0.5))
                    turns.Bot(answers.Fallback(locale), AnswerSource.Fallback, Latency(AnswerSource.Fallback), predicted?.Entity.Id, conversation.IntentConfidence, null);
                break;
        }
    }

    private int Latency(AnswerSource source) => (int)Math.Round(source switch
    {
        AnswerSource.Script => random.LogNormal(340, 0.35),
        AnswerSource.Sop => random.LogNormal(900, 0.4),
        AnswerSource.Llm => random.LogNormal(2_400, 0.35),
        AnswerSource.Handoff => random.LogNormal(300, 0.3),
        _ => random.LogNormal(220, 0.3),
    });
}
