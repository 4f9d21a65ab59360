using Microsoft.SemanticKernel;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Ai.Kernel;

/// <summary>
/// Redacts personal data from every rendered prompt before it leaves for the model: the last line of
/// defence behind the callers' own redaction (an SOP passage or a context value may still hold some).
/// </summary>
public sealed class RedactingPromptFilter(PiiRedactor redactor) : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        if (context.RenderedPrompt is { } rendered) context.RenderedPrompt = redactor.RedactText(rendered);
    }
}
