using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Classification.Llm;

/// <summary>
/// Classifies with an LLM through the <c>classify</c> prompt. Every question is redacted again before
/// it leaves the process (stored text is redacted at import; admin patterns may have been added since).
/// A failed call or an invalid answer never throws: it becomes a failed output (out of scope, zero
/// confidence) — unless the endpoint fails <see cref="DeadAfter"/> times before answering at all,
/// which ends the run with the endpoint's error (there is no point in sending the rest).
/// </summary>
public sealed class LlmIntentClassifier : IIntentClassifier
{
    public const int DeadAfter = 5;

    private readonly IChatClient _chat;
    private readonly PromptTemplate _prompt;
    private readonly PiiRedactor _redactor;
    private readonly int _concurrency;
    private readonly ILogger _logger;
    private readonly List<Dictionary<string, object?>> _intents;
    private readonly HashSet<string> _labels;
    private readonly ChatOptions _chatOptions;

    public LlmIntentClassifier(long versionId, IChatClient chat, PromptTemplate prompt, IReadOnlyList<IntentInfo> intents,
        PiiRedactor redactor, int concurrency, ILogger logger)
    {
        VersionId = versionId;
        _chat = chat;
        _prompt = prompt;
        _redactor = redactor;
        _concurrency = Math.Max(1, concurrency);
        _logger = logger;
        _intents = intents.Select(i => new Dictionary<string, object?> { ["key"] = i.Key, ["name"] = i.Name, ["description"] = i.Description }).ToList();
        _labels = [.. intents.Select(i => i.Key), TrainingDataLoader.OutOfScopeLabel];
        _chatOptions = prompt.CreateChatOptions();
    }

    public long VersionId { get; }
    public IReadOnlyList<string> Labels => [.. _labels.Order(StringComparer.Ordinal)];
    public LlmUsageMeter Usage { get; } = new();

    public async Task<IReadOnlyList<ClassifierOutput>> ClassifyAsync(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken ct)
    {
        var outputs = new ClassifierOutput[texts.Count];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, texts.Count), options, async (i, token) =>
        {
            outputs[i] = await ClassifyOneAsync(texts[i], token);
            progress?.Report(Interlocked.Increment(ref done));
        });
        return outputs;
    }

    public async Task<ClassifierOutput> ClassifyOneAsync(string text, CancellationToken ct)
    {
        var messages = _prompt.Render(new Dictionary<string, object?>
        {
            ["intents"] = _intents,
            ["oos_label"] = TrainingDataLoader.OutOfScopeLabel,
            ["question"] = _redactor.RedactText(text),
        });
        var started = Stopwatch.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await _chat.GetResponseAsync(messages, _chatOptions, ct);
        }
        catch (AiUnavailableException ex)
        {
            Usage.RecordTransportFailure(ex.Message);
            LlmLog.CallFailed(_logger, ex.Message);
            if (Usage.Answers == 0 && Usage.TransportFailures >= DeadAfter) throw;
            return ClassifierOutput.Failure(TrainingDataLoader.OutOfScopeLabel);
        }
        Usage.RecordAnswer(response.Usage, Stopwatch.GetElapsedTime(started));
        if (LlmAnswerParser.TryParse(response.Text, _labels, out var answer, out var reason))
            return new ClassifierOutput(answer!.Intent, answer.Intent, answer.Confidence);
        Usage.RecordInvalid(reason);
        LlmLog.InvalidAnswer(_logger, reason);
        return ClassifierOutput.Failure(TrainingDataLoader.OutOfScopeLabel);
    }
}
