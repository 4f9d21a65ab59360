using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge;

/// <summary>
/// Input the knowledge base cannot take (a document unsupported, too large, corrupt or with nothing
/// visible; a bad search; an unreadable evaluation file or folder): the code says why.
/// </summary>
public sealed class KnowledgeInputException : Exception
{
    /// <summary>A refusal as a code (<see cref="KnowledgeRefusal"/>), which the console words in the reader's language.</summary>
    public KnowledgeInputException(KnowledgeRefusal code, params object[] args) : this(CodedMessage.Of(code, args)) { }

    private KnowledgeInputException(CodedMessage code) : base(code.English) => Code = code;

    /// <summary>The refusal's code; its English wording is the exception's message (the CLI and the API show that).</summary>
    public CodedMessage Code { get; }
}
