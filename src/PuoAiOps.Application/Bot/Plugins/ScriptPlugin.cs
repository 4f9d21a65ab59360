using System.ComponentModel;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Bot.Plugins;

/// <summary>
/// Script lookup as a kernel plugin: the approved script in force for an intent, locale and channel.
/// A script written for the bot's own chat (<c>im</c>) stands in when the channel has none of its own.
/// Read from the process's <see cref="ServedScriptCache"/>, so one instance serves every turn.
/// </summary>
public sealed class ScriptPlugin(ServedScriptCache scripts, TimeProvider clock)
{
    public const string Name = "scripts";

    [KernelFunction("lookup")]
    [Description("Finds the approved reply script in force for an intent in a locale and channel.")]
    public async Task<ServedScript?> LookupAsync(
        [Description("The intent key")] string intent,
        [Description("en or zh-CN")] string locale,
        [Description("im, in_app or email")] string channel,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await scripts.FindAsync(intent, locale, channel, now, cancellationToken)
            ?? (channel != ScriptChannels.Im ? await scripts.FindAsync(intent, locale, ScriptChannels.Im, now, cancellationToken) : null);
    }
}
