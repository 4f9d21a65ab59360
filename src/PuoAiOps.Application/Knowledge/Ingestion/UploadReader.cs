using System.Globalization;
using System.Text;
using PuoAiOps.Application.Knowledge.Formats;

namespace PuoAiOps.Application.Knowledge.Ingestion;

/// <summary>Checks an upload before anything is parsed: supported type, size limit, valid UTF-8 text.</summary>
internal static class UploadReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (DocumentFormat Format, string Text) Read(DocumentUpload upload, long maxBytes)
    {
        var format = DocumentFormats.FromFileName(upload.FileName)
            ?? throw new KnowledgeInputException(KnowledgeRefusal.UnsupportedType, upload.FileName, Path.GetExtension(upload.FileName), DocumentFormats.Supported);
        if (upload.Content.LongLength > maxBytes)
            throw new KnowledgeInputException(KnowledgeRefusal.TooLarge, upload.FileName, Size(upload.Content.LongLength), Size(maxBytes));
        if (upload.Content.Length == 0) throw new KnowledgeInputException(KnowledgeRefusal.EmptyFile, upload.FileName);
        string text;
        try
        {
            var bytes = upload.Content.AsSpan();
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new KnowledgeInputException(KnowledgeRefusal.NotUtf8, upload.FileName);
        }
        // NUL bytes do not occur in text documents; they mark a binary file that happens to decode.
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new KnowledgeInputException(KnowledgeRefusal.BinaryData, upload.FileName);
        return (format, text);
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
