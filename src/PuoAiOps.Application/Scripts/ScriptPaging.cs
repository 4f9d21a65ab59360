namespace PuoAiOps.Application.Scripts;

/// <summary>The library column a page of scripts is ordered by.</summary>
public enum ScriptSort { Intent, Title, Status, Updated }

/// <summary>One page of the library: the rows asked for and how many match the filters in all.</summary>
public sealed record ScriptPage(IReadOnlyList<ScriptSummary> Rows, int Total);

/// <summary>A person who may own scripts or appears in a script's history, by their display name.</summary>
public sealed record ScriptPerson(string Id, string DisplayName);

/// <summary>An intent a new script can be written for (active ones only), with its names by language.</summary>
public sealed record ScriptIntentChoice(string Key, IReadOnlyDictionary<string, string> Names, string Description);
