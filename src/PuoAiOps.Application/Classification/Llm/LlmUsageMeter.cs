using Microsoft.Extensions.AI;
using PuoAiOps.Application.Classification.Evaluation;

namespace PuoAiOps.Application.Classification.Llm;

/// <summary>Counts calls, tokens, latency and failures of an LLM classifier (thread-safe).</summary>
public sealed class LlmUsageMeter
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, int> _invalid = new(StringComparer.Ordinal);
    private long _inputTokens, _outputTokens;
    private int _answers, _transportFailures;
    private string? _lastTransportError;

    public int Answers { get { lock (_lock) return _answers; } }
    public int TransportFailures { get { lock (_lock) return _transportFailures; } }
    public string? LastTransportError { get { lock (_lock) return _lastTransportError; } }

    /// <summary>Invalid answers by reason (for the evaluation page).</summary>
    public IReadOnlyDictionary<string, int> InvalidAnswers { get { lock (_lock) return new Dictionary<string, int>(_invalid); } }

    public void RecordAnswer(UsageDetails? usage, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _answers++;
            _inputTokens += usage?.InputTokenCount ?? 0;
            _outputTokens += usage?.OutputTokenCount ?? 0;
            _latencies.Add(elapsed.TotalMilliseconds);
        }
    }

    public void RecordInvalid(string reason)
    {
        lock (_lock) _invalid[reason] = _invalid.GetValueOrDefault(reason) + 1;
    }

    public void RecordTransportFailure(string message)
    {
        lock (_lock)
        {
            _transportFailures++;
            _lastTransportError = message;
        }
    }

    public LlmUsage ToUsage(decimal inputPricePerMillion, decimal outputPricePerMillion)
    {
        lock (_lock)
        {
            decimal? cost = inputPricePerMillion > 0 || outputPricePerMillion > 0
                ? Math.Round(_inputTokens / 1_000_000m * inputPricePerMillion + _outputTokens / 1_000_000m * outputPricePerMillion, 4)
                : null;
            var sorted = _latencies.Order().ToList();
            var p95 = sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.95) - 1)];
            return new LlmUsage(_answers + _transportFailures, _inputTokens, _outputTokens, cost, sorted.Count == 0 ? 0 : sorted.Average(), p95);
        }
    }
}
