using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge;

/// <summary>A document that cannot be ingested (unsupported, too large, corrupt, nothing visible): the message says why.</summary>
public sealed class KnowledgeInputException(string message) : Exception(message)
{
    /// <summary>A refusal as a code (<see cref="KnowledgeRefusal"/>), which the console words in the reader's language.</summary>
    public KnowledgeInputException(KnowledgeRefusal code, params object[] args) : this(CodedMessage.Of(code, args)) { }

    private KnowledgeInputException(CodedMessage code) : this(code.English) => Code = code;

    /// <summary>The refusal's code, or null for a message only the command line shows (evaluation files, folders).</summary>
    public CodedMessage? Code { get; }
}
