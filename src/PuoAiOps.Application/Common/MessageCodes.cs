using System.Collections.Frozen;
using System.Reflection;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Common;

/// <summary>
/// The message code enums of Core and Application (every enum whose values carry <see cref="EnglishAttribute"/>),
/// by type name, so a code stored as <c>&lt;enum&gt;.&lt;value&gt;</c> can be read back; and the code an
/// expected exception carries.
/// </summary>
public static class MessageCodes
{
    private static readonly Lazy<FrozenDictionary<string, Type>> Enums = new(() =>
        new[] { typeof(CodedMessage).Assembly, typeof(MessageCodes).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnglishAttribute))))
            // Two code enums of the same name would make a stored code ambiguous; MessageCodesTests forbids it.
            .GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal));

    /// <summary>Every code enum (what the console must word).</summary>
    public static IEnumerable<Type> All => Enums.Value.Values;

    /// <summary>The code enum named <paramref name="name"/>, or null.</summary>
    public static Type? EnumByName(string name) => Enums.Value.GetValueOrDefault(name);

    /// <summary>A message stored by <see cref="CodedMessageJson.Write"/>; null for old rows or unknown codes.</summary>
    public static CodedMessage? Read(string? code, string? args) => CodedMessageJson.Read(code, args, EnumByName);

    /// <summary>The code of an expected (refusal) exception; null when it has none or is not one.</summary>
    public static CodedMessage? CodeOf(Exception exception) => exception switch
    {
        ValidationException e => e.Code,
        ConflictException e => e.Code,
        ForbiddenException e => e.Code,
        NotFoundException e => e.Code,
        KnowledgeInputException e => e.Code,
        AnnotationException e => e.Refusal,
        AiUnavailableException e => e.Code,
        JobFailedException e => e.Code,
        Core.Import.ImportFormatException e => e.Code,
        Core.Import.ImportLimitExceededException e => e.Code,
        _ => null,
    };
}
