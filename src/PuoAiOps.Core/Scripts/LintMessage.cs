using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

/// <summary>
/// The wording of a style finding (<see cref="LintFinding.Text"/>) as a code with arguments: the script
/// pages word it from <c>ScriptsText</c> (<c>LintMessage.&lt;value&gt;</c>), the CLI prints the English.
/// Templates follow <see cref="string.Format(string, object[])"/>, so a literal <c>{{</c> is written <c>{{{{</c>.
/// </summary>
public enum LintMessage
{
    [English("The script is empty.")] Empty,
    [English("The script is {0} characters long; the limit here is {1}.")] TooLong,
    [English("Raw HTML is not allowed in scripts; use Markdown (**bold**, lists, [links](https://...)).")] Html,
    [English("This looks like personal data ({0}); use a variable such as {{{{order_id}}}} instead.")] PersonalData,
    [English("The personal-data check did not finish ({0}).")] PersonalDataUnfinished,
    [English("Links must be absolute https:// addresses on an allowed domain, not '{0}'.")] LinkNotAbsolute,
    [English("Links to {0} are not allowed (allowed: {1}).")] LinkDomainNotAllowed,
    [English("Links to {0} are not allowed (no domains are allowed).")] LinkNoDomainAllowed,
    [English("\"{0}\" promises what we cannot guarantee.")] BannedPromise,
    [English("\"{0}\" promises what we cannot guarantee. Try \"{1}\".")] BannedPromiseTry,
    [English("\"{0}\" blames the user.")] BannedBlame,
    [English("\"{0}\" blames the user. Try \"{1}\".")] BannedBlameTry,
    [English("\"{0}\" is internal jargon.")] BannedJargon,
    [English("\"{0}\" is internal jargon. Try \"{1}\".")] BannedJargonTry,
    [English("Write \"{0}\" rather than \"{1}\".")] GlossaryTerm,
    [English("Start with a greeting, e.g. \"{0}\".")] Greeting,
    [English("End with a closing, e.g. \"{0}\".")] Closing,
    [English("This sentence has {0} words; keep sentences to {1} or fewer.")] SentenceTooManyWords,
    [English("This sentence has {0} characters; keep sentences to {1} or fewer.")] SentenceTooManyCharacters,
    [English("This '{{{{' is never closed with '}}}}'.")] PlaceholderUnclosed,
    [English("'{{{{{0}}}}}' is not a valid variable name; use lower-case letters, digits and '_' (e.g. {{{{{1}}}}}).")] PlaceholderInvalid,
    [English("{{{{{0}}}}} is used but not declared; declare it with a type, or remove it.")] UndeclaredVariable,
    [English("Variable '{0}' is declared but the text never uses it.")] UnusedVariable,
    [English("Variable name '{0}' is not valid: use lower-case letters, digits and '_' (e.g. order_id).")] VariableNameInvalid,
    [English("Variable '{0}' is declared twice.")] VariableDeclaredTwice,
    [English("Variable '{0}' has an unknown type; use one of: {1}.")] VariableTypeUnknown,
    [English("Variable '{0}': default '{1}' is not a valid {2}.")] VariableDefaultInvalid,
}
