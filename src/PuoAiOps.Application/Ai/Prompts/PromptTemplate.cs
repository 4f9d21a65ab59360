using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Microsoft.Extensions.AI;

namespace PuoAiOps.Application.Ai.Prompts;

/// <summary>
/// A loaded prompt: renders its Handlebars template into chat messages and turns its default
/// execution settings into <see cref="ChatOptions"/>. Like Semantic Kernel, the rendered text is split
/// on <c>&lt;message role="..."&gt;</c> blocks; variable values are HTML-escaped while rendering (so a
/// question cannot open or close a message block) and decoded again inside each message.
/// </summary>
public sealed partial class PromptTemplate
{
    private readonly HandlebarsTemplate<object, object> _render;

    public PromptTemplate(PromptTemplateConfig config)
    {
        Config = config;
        _render = Handlebars.Create().Compile(config.Template);
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config.Template)))[..12];
    }

    public PromptTemplateConfig Config { get; }
    public string Name => Config.Name;

    /// <summary>Short hash of the template text, stored with LLM model versions to tell prompt revisions apart.</summary>
    public string Hash { get; }

    public IReadOnlyList<ChatMessage> Render(IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var input in Config.InputVariables)
        {
            if (variables.TryGetValue(input.Name, out var value) && value is not null) data[input.Name] = value;
            else if (input.Default is not null) data[input.Name] = input.Default;
            else if (input.IsRequired) throw new ArgumentException($"Prompt '{Name}' needs the input variable '{input.Name}'.", nameof(variables));
        }
        foreach (var (name, value) in variables) data.TryAdd(name, value);
        return ParseMessages(_render(data));
    }

    /// <summary>The "default" execution settings as chat options (temperature, max_tokens, top_p, response_format).</summary>
    public ChatOptions CreateChatOptions()
    {
        var options = new ChatOptions();
        if (!Config.ExecutionSettings.TryGetValue("default", out var settings)) return options;
        if (Number(settings, "temperature") is { } temperature) options.Temperature = (float)temperature;
        if (Number(settings, "top_p") is { } topP) options.TopP = (float)topP;
        if (Number(settings, "max_tokens") is { } maxTokens) options.MaxOutputTokens = (int)maxTokens;
        if (settings.TryGetValue("response_format", out var format) && format is string f)
            options.ResponseFormat = f.Equals("json_object", StringComparison.OrdinalIgnoreCase) ? ChatResponseFormat.Json : ChatResponseFormat.Text;
        return options;
    }

    internal static List<ChatMessage> ParseMessages(string rendered)
    {
        var messages = new List<ChatMessage>();
        foreach (Match match in MessageBlock().Matches(rendered))
            messages.Add(new ChatMessage(new ChatRole(match.Groups["role"].Value), WebUtility.HtmlDecode(match.Groups["content"].Value.Trim())));
        if (messages.Count == 0) messages.Add(new ChatMessage(ChatRole.User, WebUtility.HtmlDecode(rendered.Trim())));
        return messages;
    }

    private static double? Number(Dictionary<string, object?> settings, string key) =>
        settings.TryGetValue(key, out var value) && value is not null &&
        double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number : null;

    [GeneratedRegex("""<message\s+role="(?<role>system|user|assistant)"\s*>(?<content>.*?)</message>""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageBlock();
}
