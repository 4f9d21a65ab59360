using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Web.Localization;

/// <summary>
/// Words a <see cref="CodedMessage"/> of any area in the reader's language, from the resource
/// <see cref="CodedMessageAreas"/> names for its code (each nested message from its own area): for what
/// mixes areas, such as a background job's line (a training's progress, a knowledge refusal, an LLM failure).
/// </summary>
public sealed class MessageWords(IStringLocalizerFactory localizers)
{
    public string Word(CodedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!CodedMessageAreas.All.TryGetValue(message.Code.GetType(), out var area)) return message.English;
        var args = message.Args.Select(a => a is CodedMessage inner ? Word(inner) : a).ToArray();
        var worded = localizers.Create(area)[message.ResourceKey, args];
        return worded.ResourceNotFound ? message.English : worded.Value;
    }

    /// <summary>
    /// A job's line in the reader's language; a row written before jobs stored codes has only its English,
    /// which is shown as written (a page marks it <c>lang="en"</c> when <see cref="JobSnapshot.Code"/> is null).
    /// Empty when the job has no line.
    /// </summary>
    public string Job(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Line(job.Code, job.Message);
    }

    /// <summary>A stored line: its code worded, else its stored English, else empty.</summary>
    public string Line(CodedMessage? code, string? english) => code is not null ? Word(code) : english ?? "";
}
