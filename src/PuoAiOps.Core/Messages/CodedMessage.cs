using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace PuoAiOps.Core.Messages;

/// <summary>
/// A message as a code and its arguments (names, limits, line numbers), so each host words it: the
/// console from its resources in the reader's language, the CLI and the REST API in English
/// (<see cref="English"/>, from the code's <see cref="EnglishAttribute"/>).
/// </summary>
public sealed class CodedMessage : IEquatable<CodedMessage>
{
    private static readonly ConcurrentDictionary<Enum, string> Templates = new();

    private CodedMessage(Enum code, object[] args)
    {
        Code = code;
        Args = args;
    }

    /// <summary>A value of a code enum whose every value carries an <see cref="EnglishAttribute"/>.</summary>
    public Enum Code { get; }

    /// <summary>The values for the template's placeholders, in order.</summary>
    public IReadOnlyList<object> Args { get; }

    /// <summary>The code's stable name, e.g. <c>KeyTaken</c> (the REST API's <c>code</c>).</summary>
    public string Name => Code.ToString();

    /// <summary>The resource key the console looks the wording up by: <c>&lt;enum type&gt;.&lt;value&gt;</c>.</summary>
    public string ResourceKey => $"{Code.GetType().Name}.{Code}";

    /// <summary>The English wording, arguments formatted with the invariant culture.</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, TemplateOf(Code), [.. Args]);

    public static CodedMessage Of<TCode>(TCode code, params object[] args) where TCode : struct, Enum => new(code, args);

    /// <summary>A message whose code is known only as an <see cref="Enum"/> (read back from storage).</summary>
    public static CodedMessage From(Enum code, object[] args)
    {
        ArgumentNullException.ThrowIfNull(code);
        _ = TemplateOf(code);
        return new(code, args);
    }

    /// <summary>The English template of a code; a value without one is a bug, so it throws.</summary>
    public static string TemplateOf(Enum code) => Templates.GetOrAdd(code, static c =>
        c.GetType().GetField(c.ToString(), BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<EnglishAttribute>()?.Template
        ?? throw new InvalidOperationException($"{c.GetType().Name}.{c} has no [English] wording."));

    public override string ToString() => English;

    /// <summary>Equal when the code and every argument are equal (findings and errors compare by value).</summary>
    public bool Equals(CodedMessage? other) => other is not null && Code.Equals(other.Code) && Args.SequenceEqual(other.Args);

    public override bool Equals(object? obj) => Equals(obj as CodedMessage);

    public override int GetHashCode() => HashCode.Combine(Code, Args.Count);
}
