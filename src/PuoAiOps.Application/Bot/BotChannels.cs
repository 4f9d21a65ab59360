using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// The channels a conversation arrives on (the platform's names: app, web, email) and the script
/// channel each is answered with. The script names (im, in_app) are accepted too.
/// </summary>
public static class BotChannels
{
    public const string Default = "app";

    private static readonly Dictionary<string, string> ScriptChannel = new(StringComparer.Ordinal)
    {
        ["app"] = ScriptChannels.InApp,
        ["web"] = ScriptChannels.Im,
        ["email"] = ScriptChannels.Email,
        [ScriptChannels.Im] = ScriptChannels.Im,
        [ScriptChannels.InApp] = ScriptChannels.InApp,
    };

    public static IReadOnlyCollection<string> All => ScriptChannel.Keys;

    public static bool IsKnown(string? channel) => channel is not null && ScriptChannel.ContainsKey(channel);

    public static string ScriptChannelOf(string channel) => ScriptChannel.TryGetValue(channel, out var c) ? c : ScriptChannels.Im;
}
