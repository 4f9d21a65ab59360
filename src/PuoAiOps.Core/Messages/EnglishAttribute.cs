namespace PuoAiOps.Core.Messages;

/// <summary>
/// The English wording of one value of a message code enum, with <c>{0}</c>-style placeholders for its
/// arguments. It is what the command line prints and what the REST API sends as <c>detail</c>; the
/// console words the same code from its own resources, in the reader's language.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class EnglishAttribute(string template) : Attribute
{
    public string Template { get; } = template;
}
