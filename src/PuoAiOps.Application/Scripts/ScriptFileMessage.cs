using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// The problems of a reply-script file (<see cref="ScriptFileReader"/>, <see cref="ScriptFiles"/>) and of an
/// agent-reply file (<see cref="AgentReplies.AgentReplyFile"/>), each at its line: the console words them from
/// <c>ScriptsText</c> (<c>ScriptFileMessage.&lt;value&gt;</c>), the CLI and the API in English. <see cref="AtLine"/>
/// and <see cref="AtItem"/> place another coded message at its line; the YAML parser's own text is only ever a
/// detail argument of <see cref="Malformed"/> or <see cref="EntryUnreadable"/>.
/// </summary>
public enum ScriptFileMessage
{
    [English("line {0}: {1}")] AtLine,
    [English("item {0} (line {1}): {2}")] AtItem,

    [English("The file is empty: it must be a list of scripts.")] FileEmpty,
    [English("The file must be a list of scripts (- intent: ..., locale: ..., channel: ..., body: ...), not a single mapping or value.")] NotAList,
    [English("The YAML or JSON is malformed at line {0}, column {1} ({2}).")] Malformed,
    [English("The YAML or JSON is malformed near line {0} (check brackets, quotes and indentation).")] MalformedNearLine,
    [English("line {0}: the entry cannot be read ({1}); the fields are intent, locale, channel, title, body, variables, tags, sop_links.")] EntryUnreadable,
    [English("empty entry.")] EmptyEntry,
    [English("'intent' is missing.")] IntentMissing,
    [English("'body' is missing.")] BodyMissing,
    [English("variable '{0}' has unknown type '{1}'; use one of: {2}.")] UnknownVariableType,

    [English("The body is {0} characters; {1}/{2} scripts may have at most {3}.")] BodyTooLongFor,
    [English("The file has two {0}/{1} scripts for '{2}'.")] DuplicateInFile,
    [English("Script #{0} already has an open version {1} ({2}); finish or withdraw it before importing over it.")] OpenVersion,

    [English("The file holds no replies.")] NoReplies,
    [English("line 1: the header names no reply column ({0}).")] NoReplyColumn,
    [English("line {0}: no reply (a column named {1}).")] NoReply,
    [English("line {0}: the reply is {1} characters; at most {2}.")] ReplyTooLong,
    [English("line {0}: more than {1} replies in one file.")] TooManyReplies,
    [English("line {0}: {1} fields where the header has {2}.")] FieldCount,
    [English("line {0}: unterminated quoted field.")] UnterminatedQuote,
    [English("line {0}: not a JSON object.")] NotJsonObject,
    [English("line {0}: not valid JSON.")] NotJson,
    [English("line {0}: unknown locale '{1}'; use one of: {2}.")] UnknownReplyLocale,
}
