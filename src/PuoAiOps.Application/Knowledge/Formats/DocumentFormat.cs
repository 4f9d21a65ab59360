namespace PuoAiOps.Application.Knowledge.Formats;

public enum DocumentFormat { Markdown, Html, Text }

public static class DocumentFormats
{
    public const string Supported = ".md, .markdown, .html, .htm, .txt";

    public static DocumentFormat? FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => DocumentFormat.Markdown,
        ".html" or ".htm" => DocumentFormat.Html,
        ".txt" or ".text" => DocumentFormat.Text,
        _ => null,
    };

    public static string Name(this DocumentFormat format) => format.ToString().ToLowerInvariant();

    public static DocumentFormat Parse(string name) =>
        Enum.TryParse<DocumentFormat>(name, ignoreCase: true, out var f) ? f : DocumentFormat.Markdown;
}
