namespace PuoAiOps.Application.Ai.Prompts;

/// <summary>
/// A prompt file (<c>prompts/NAME.prompt.yaml</c>) in Semantic Kernel's PromptTemplateConfig layout,
/// so the same files work with Semantic Kernel tooling: name, description, template_format,
/// template, input_variables, execution_settings (keyed by service id; "default" is used here).
/// </summary>
public sealed class PromptTemplateConfig
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string TemplateFormat { get; set; } = "";
    public string Template { get; set; } = "";
    public List<PromptInputVariable> InputVariables { get; set; } = [];
    public Dictionary<string, Dictionary<string, object?>> ExecutionSettings { get; set; } = [];

    public IEnumerable<string> Validate(string source)
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return $"{source}: 'name' is required.";
        if (!string.Equals(TemplateFormat, "handlebars", StringComparison.OrdinalIgnoreCase))
            yield return $"{source}: 'template_format' must be 'handlebars' (got '{TemplateFormat}').";
        if (string.IsNullOrWhiteSpace(Template)) yield return $"{source}: 'template' is empty.";
        foreach (var duplicate in InputVariables.GroupBy(v => v.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"{source}: input variable '{duplicate.Key}' is declared twice.";
        if (InputVariables.Any(v => string.IsNullOrWhiteSpace(v.Name))) yield return $"{source}: every input variable needs a 'name'.";
    }
}

public sealed class PromptInputVariable
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public object? Default { get; set; }
    public bool IsRequired { get; set; } = true;
}
