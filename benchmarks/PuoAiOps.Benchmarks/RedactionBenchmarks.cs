using BenchmarkDotNet.Attributes;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Benchmarks;

/// <summary>Cost of redacting one imported question: the common case (nothing to redact) and texts with data to mask.</summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private readonly PiiRedactor _builtIn = PiiRedactor.Default;
    private readonly PiiRedactor _withCustom = new([new CustomPiiPattern("user_id", @"uid:\d{6,12}")]);

    [Params(
        "why did my rocket not arrive after I sent it to streamer 4456123?",
        "我送给主播的火箭没有到账，充值了648金币",
        "my email is zhang.wei@qq.com, call 138 0013 8000, card 4111 1111 1111 1111",
        "https://live.example.com/reset?token=8f2a9c1e77b04d from 203.0.113.7 uid:12345678")]
    public string Text { get; set; } = "";

    [Benchmark(Baseline = true)]
    public string BuiltIn() => _builtIn.Redact(Text).Text;

    [Benchmark]
    public string WithCustomPattern() => _withCustom.Redact(Text).Text;
}
