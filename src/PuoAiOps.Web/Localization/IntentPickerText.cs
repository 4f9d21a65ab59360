namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the shared intent picker (Components/Shared/Intents).</summary>
public sealed class IntentPickerText;
