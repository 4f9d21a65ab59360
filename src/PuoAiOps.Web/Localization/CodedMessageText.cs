using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Common;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Web.Localization;

/// <summary>
/// Words a <see cref="CodedMessage"/> from an area's resources (key <c>&lt;code enum&gt;.&lt;value&gt;</c>,
/// placeholders <c>{0}</c>... for its arguments) in the reader's language. An argument that is itself a
/// coded message is worded the same way. A code the resource lacks falls back to its English wording;
/// ResourceCompletenessTests makes sure none does.
/// </summary>
public static class CodedMessageText
{
    public static string Word(this IStringLocalizer text, CodedMessage message)
    {
        var args = message.Args.Select(a => a is CodedMessage inner ? text.Word(inner) : a).ToArray();
        var worded = text[message.ResourceKey, args];
        return worded.ResourceNotFound ? message.English : worded.Value;
    }

    /// <summary>An application refusal in the reader's language when it has a code, else its (English) message.</summary>
    public static string WordRefusal(this IStringLocalizer text, Exception exception) =>
        MessageCodes.CodeOf(exception) is { } code ? text.Word(code) : exception.Message;
}
