using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using PuoAiOps.Core.Text;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// The answer prompt called as a stream, for staff who watch the model write (the playground). The
/// whole output is still what the validator judges; while it arrives, the <c>answer</c> field read so
/// far goes to the draft sink, redacted and without a trailing half-written word or number (so a
/// phone number never shows before redaction can see all of it). End users never get a draft: the
/// API does not stream.
/// </summary>
internal static class AnswerDraftStream
{
    /// <summary>The complete output, and the model and token counts from the stream's last updates.</summary>
    public sealed record Result(string Output, string? Model, long? InputTokens, long? OutputTokens);

    public static async Task<Result> RunAsync(KernelFunction function, Microsoft.SemanticKernel.Kernel kernel, KernelArguments arguments,
        PiiRedactor redactor, Action<string> drafts, CancellationToken ct)
    {
        var output = new StringBuilder();
        string? model = null;
        long? input = null, generated = null;
        var shown = "";
        // The kernel's chat service is an IChatClient: its own updates carry the text, the model and (last) the usage.
        await foreach (var update in function.InvokeStreamingAsync<ChatResponseUpdate>(kernel, arguments, ct))
        {
            output.Append(update.Text);
            model ??= update.ModelId;
            if (update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details is { } usage)
                (input, generated) = (usage.InputTokenCount ?? input, usage.OutputTokenCount ?? generated);
            if (PartialJsonField.ReadString(output.ToString(), "answer") is not { } reading) continue;
            var draft = redactor.RedactText(reading.Complete ? reading.Value : WithoutOpenToken(reading.Value));
            if (draft == shown) continue;
            shown = draft;
            drafts(draft);
        }
        return new Result(output.ToString(), model, input, generated);
    }

    /// <summary>
    /// The text up to its last complete Latin word: letters, digits and the characters of emails,
    /// phone numbers and links are held back until the token ends, and a trailing run of digit groups
    /// until something other than a digit group follows.
    /// </summary>
    internal static string WithoutOpenToken(string text)
    {
        var end = text.Length;
        while (end > 0 && IsTokenChar(text[end - 1])) end--;
        // A number written in groups ("+44 20 79") may still be growing: hold back the whole run.
        var start = end;
        while (start > 0 && IsNumberChar(text[start - 1])) start--;
        if (text.AsSpan(start, end - start).ContainsAnyInRange('0', '9')) end = start;
        return text[..end];
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '@' or '.' or '-' or '_' or '/' or ':' or '%' or '#' or '(' or ')';

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.';
}
