using YamlDotNet.Serialization;

namespace PuoAiOps.Application.Demo.Content;

// Shapes of the embedded YAML files under Demo/Content. Mutable classes because YamlDotNet fills them.

internal sealed class DomainSpec
{
    public string Key { get; set; } = "";
    /// <summary>Guide file name inside annotation-guides/.</summary>
    public string Guide { get; set; } = "";
    public int Sort { get; set; }
    public Dictionary<string, string> Names { get; set; } = [];
    public string Description { get; set; } = "";
    public List<IntentSpec> Intents { get; set; } = [];
}

internal sealed class IntentSpec
{
    public string Key { get; set; } = "";
    public Dictionary<string, string> Names { get; set; } = [];
    /// <summary>Relative popularity in demo traffic.</summary>
    public double Weight { get; set; } = 1;
    /// <summary>Slug of the SOP document the bot answers from when it has no script.</summary>
    public string? Sop { get; set; }
    public string Description { get; set; } = "";
    public string Include { get; set; } = "";
    public string Exclude { get; set; } = "";
    public List<string> Examples { get; set; } = [];
    public List<NearMissSpec> NearMisses { get; set; } = [];
    /// <summary>Question templates by locale; {slot} names come from words.yaml.</summary>
    public Dictionary<string, List<string>> Templates { get; set; } = [];
}

internal sealed class NearMissSpec
{
    public string Intent { get; set; } = "";
    public string When { get; set; } = "";
}

internal sealed class ScriptSpec
{
    public string Intent { get; set; } = "";
    [YamlMember(Alias = "en", ApplyNamingConventions = false)] public string En { get; set; } = "";
    [YamlMember(Alias = "zh-CN", ApplyNamingConventions = false)] public string Zh { get; set; } = "";
    /// <summary>Older approved bodies per locale, oldest first; all retired now.</summary>
    public Dictionary<string, List<string>> History { get; set; } = [];
    /// <summary>A newer version that has not been approved.</summary>
    public PendingSpec? Pending { get; set; }
    /// <summary>The script exists only as a draft: nothing published yet.</summary>
    public bool DraftOnly { get; set; }

    public string Body(string locale) => (locale == DemoLocales.Chinese ? Zh : En).Trim();
}

internal sealed class PendingSpec
{
    public string Status { get; set; } = "Draft";
    public string? Note { get; set; }
    [YamlMember(Alias = "en", ApplyNamingConventions = false)] public string En { get; set; } = "";
    [YamlMember(Alias = "zh-CN", ApplyNamingConventions = false)] public string Zh { get; set; } = "";

    public string Body(string locale) => (locale == DemoLocales.Chinese ? Zh : En).Trim();
}

/// <summary>words.yaml: slot lists and the fixed phrases of demo conversations, each by locale.</summary>
internal sealed class WordLists
{
    public Dictionary<string, Dictionary<string, List<string>>> Slots { get; set; } = [];
    public Dictionary<string, List<string>> Prefixes { get; set; } = [];
    public Dictionary<string, List<string>> Suffixes { get; set; } = [];
    public Dictionary<string, List<string>> Pii { get; set; } = [];
    public Dictionary<string, List<string>> MultiJoiners { get; set; } = [];
    public Dictionary<string, List<string>> OutOfScope { get; set; } = [];
    public Dictionary<string, List<string>> Unclear { get; set; } = [];
    public Dictionary<string, Dictionary<string, List<string>>> FollowUps { get; set; } = [];
    public Dictionary<string, List<string>> Fallback { get; set; } = [];
    public Dictionary<string, List<string>> OutOfScopeReply { get; set; } = [];
    public Dictionary<string, List<string>> Handoff { get; set; } = [];
    public Dictionary<string, List<string>> Closing { get; set; } = [];
    public Dictionary<string, string> SopIntro { get; set; } = [];
    public List<string> LabelNotes { get; set; } = [];
    public List<string> SkipReasons { get; set; } = [];
    public Dictionary<string, List<string>> GradeNotes { get; set; } = [];
}

/// <summary>Front matter of an SOP Markdown file.</summary>
internal sealed class SopFrontMatter
{
    public string Title { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public string Summary { get; set; } = "";
    public string? SummaryZh { get; set; }
}

/// <summary>One SOP source file: slug and locale from its path, the rest from the file.</summary>
internal sealed record SopSource(string Slug, string Locale, SopFrontMatter Meta, string Markdown);
