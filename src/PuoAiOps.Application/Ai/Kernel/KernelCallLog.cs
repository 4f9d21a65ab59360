using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using FunctionInvocationContext = Microsoft.SemanticKernel.FunctionInvocationContext;

namespace PuoAiOps.Application.Ai.Kernel;

/// <summary>One kernel function call as the trace records it.</summary>
public sealed record KernelCall(string Plugin, string Function, double Ms, string? Model, long? InputTokens, long? OutputTokens, string? PromptVersion, bool Failed);

/// <summary>
/// A function-invocation filter that records every kernel function call of one request (plugins and
/// prompt functions): latency, the model and tokens of prompt functions, and the prompt version
/// passed in the arguments as <see cref="PromptVersionArgument"/>.
/// </summary>
public sealed class KernelCallLog : IFunctionInvocationFilter
{
    public const string PromptVersionArgument = "prompt_version";

    private readonly ConcurrentQueue<KernelCall> _calls = new();

    public IReadOnlyList<KernelCall> Calls => [.. _calls];

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            var (model, input, output) = Usage(context.Result);
            var version = context.Arguments.TryGetValue(PromptVersionArgument, out var v) ? v as string : null;
            _calls.Enqueue(new KernelCall(context.Function.PluginName ?? "", context.Function.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                model, input, output, version, failed));
        }
    }

    /// <summary>Model and token counts of a prompt function's result, wherever the chat service put them.</summary>
    internal static (string? Model, long? Input, long? Output) Usage(FunctionResult? result)
    {
        var value = result?.GetValue<object>();
        if (value is null) return (null, null, null);
        if (value is ChatResponse response) return (response.ModelId, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
        if (value is ChatMessageContent content)
        {
            var usage = content.InnerContent as ChatResponse is { } inner ? inner.Usage
                : content.Metadata?.TryGetValue("Usage", out var u) == true ? u as UsageDetails : null;
            return (content.ModelId, usage?.InputTokenCount, usage?.OutputTokenCount);
        }
        if (result!.Metadata?.TryGetValue("Usage", out var meta) == true && meta is UsageDetails details)
            return (null, details.InputTokenCount, details.OutputTokenCount);
        return (null, null, null);
    }
}
