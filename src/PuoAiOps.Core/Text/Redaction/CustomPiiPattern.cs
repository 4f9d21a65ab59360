using System.Text.RegularExpressions;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>An admin-defined pattern, e.g. name <c>user_id</c>, pattern <c>uid:\d{6,12}</c> → marker <c>&lt;USER_ID&gt;</c>.</summary>
public sealed record CustomPiiPattern(string Name, string Pattern)
{
    public const int MaxNameLength = 40;
    public const int MaxPatternLength = 1000;

    /// <summary>Upper snake case of the name: the text inside the marker and the report key (lower-cased).</summary>
    public static string MarkerName(string name)
    {
        var chars = name.Trim().Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray();
        return new string(chars).Trim('_');
    }
}

/// <summary>A custom pattern ready to run. Compiled with the non-backtracking engine when it allows, else with a match timeout.</summary>
internal sealed class CompiledPiiPattern
{
    private CompiledPiiPattern(string name, Regex regex)
    {
        Name = name;
        Regex = regex;
        Marker = $"<{name}>";
        ReportKey = name.ToLowerInvariant();
    }

    public string Name { get; }
    public Regex Regex { get; }
    public string Marker { get; }
    public string ReportKey { get; }
    public bool IsNonBacktracking => (Regex.Options & RegexOptions.NonBacktracking) != 0;

    /// <summary>Compiles or returns why not (a message for the admin, naming the pattern).</summary>
    public static CompiledPiiPattern? TryCompile(CustomPiiPattern definition, TimeSpan timeout, out CodedMessage? error)
    {
        error = null;
        var name = CustomPiiPattern.MarkerName(definition.Name ?? "");
        if (name.Length == 0)
            error = CodedMessage.Of(PiiPatternProblem.NameWithoutLetters);
        else if (name.Length > CustomPiiPattern.MaxNameLength)
            error = CodedMessage.Of(PiiPatternProblem.NameTooLong, CustomPiiPattern.MaxNameLength);
        else if (PiiTypes.BuiltIn.Any(t => PiiTypes.Marker(t) == $"<{name}>"))
            error = CodedMessage.Of(PiiPatternProblem.BuiltInMarker, name);
        else if (string.IsNullOrEmpty(definition.Pattern))
            error = CodedMessage.Of(PiiPatternProblem.PatternEmpty);
        else if (definition.Pattern.Length > CustomPiiPattern.MaxPatternLength)
            error = CodedMessage.Of(PiiPatternProblem.PatternTooLong, CustomPiiPattern.MaxPatternLength);
        if (error is not null) return null;

        const RegexOptions baseOptions = RegexOptions.CultureInvariant;
        try
        {
            // Linear-time engine: no timeout, which would only fire spuriously while its automaton is first built on a busy machine.
            return new CompiledPiiPattern(name, new Regex(definition.Pattern, baseOptions | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout));
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds and atomic groups need the backtracking engine; the timeout bounds it.
        }
        catch (ArgumentException ex)
        {
            error = CodedMessage.Of(PiiPatternProblem.NotARegex, ex.Message);
            return null;
        }
        try
        {
            return new CompiledPiiPattern(name, new Regex(definition.Pattern, baseOptions, timeout));
        }
        catch (ArgumentException ex)
        {
            error = CodedMessage.Of(PiiPatternProblem.NotARegex, ex.Message);
            return null;
        }
    }
}
