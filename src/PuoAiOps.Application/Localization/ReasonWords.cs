using System.Globalization;
using System.Resources;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Localization;

/// <summary>
/// Words a reason in a given language from <see cref="ReasonText"/> without the console's localizers: for what
/// renders a report outside a page (the CLI, the report download). A code this resource does not word, or one
/// it lacks, is its English.
/// </summary>
public static class ReasonWords
{
    /// <summary>The code enums whose wording is in <see cref="ReasonText"/>.</summary>
    public static readonly IReadOnlyList<Type> Enums = [typeof(BotReason), typeof(AnswerRejection), typeof(HandoffReason)];

    private static readonly ResourceManager Resources = new(typeof(ReasonText));

    /// <summary>A wording function for a report language, <c>en</c> or <c>zh</c> (<c>zh-CN</c>).</summary>
    public static Func<CodedMessage, string> For(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language is "zh" or "zh-CN" ? "zh-CN" : "en");
        return message => Word(message, culture);
    }

    public static string Word(CodedMessage message, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(culture);
        if (!Enums.Contains(message.Code.GetType())) return message.English;
        var template = Resources.GetString(message.ResourceKey, culture);
        if (template is null) return message.English;
        var args = message.Args.Select(a => a is CodedMessage inner ? Word(inner, culture) : a).ToArray();
        return string.Format(culture, template, args);
    }
}
