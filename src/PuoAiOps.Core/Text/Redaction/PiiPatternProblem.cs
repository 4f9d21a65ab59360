using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Why an admin's custom PII pattern cannot be used (<see cref="PiiPatternError.Problem"/>): the admin page words
/// it from <c>AdminText</c> (<c>PiiPatternProblem.&lt;value&gt;</c>), the API and CLI in English. The regular
/// expression engine's own sentence is only the detail argument of <see cref="NotARegex"/>.
/// </summary>
public enum PiiPatternProblem
{
    [English("the name must contain letters or digits")] NameWithoutLetters,
    [English("the name is longer than {0} characters")] NameTooLong,
    [English("<{0}> is a built-in marker")] BuiltInMarker,
    [English("the pattern is empty")] PatternEmpty,
    [English("the pattern is longer than {0} characters")] PatternTooLong,
    [English("not a valid regular expression ({0})")] NotARegex,
    [English("another pattern is also named <{0}>")] NameTaken,
    [English("at most {0} custom patterns are allowed")] TooManyPatterns,
}
