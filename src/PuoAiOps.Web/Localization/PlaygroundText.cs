namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the bot playground and the answer trace (PlaygroundText.resx, PlaygroundText.zh-CN.resx).</summary>
public sealed class PlaygroundText;
