using System.Text;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// Minimal RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes) that knows
/// the physical line each record starts on, which a general CSV library does not report reliably.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private int _line;

    /// <summary>Reads the next record; <paramref name="lineNumber"/> is the 1-based line it starts on.</summary>
    public bool TryRead(out List<string> fields, out int lineNumber)
    {
        fields = [];
        var line = reader.ReadLine();
        if (line is null)
        {
            lineNumber = _line;
            return false;
        }
        _line++;
        lineNumber = _line;
        var field = new StringBuilder();
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (!inQuotes) break;
                line = reader.ReadLine() ?? throw new UnterminatedQuoteException(lineNumber);
                _line++;
                field.Append('\n');
                i = 0;
                continue;
            }
            var c = line[i++];
            if (inQuotes)
            {
                if (c != '"') field.Append(c);
                else if (i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else inQuotes = false;
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return true;
    }

    public sealed class UnterminatedQuoteException(int lineNumber) : Exception($"line {lineNumber}: unterminated quoted field")
    {
        public int LineNumber { get; } = lineNumber;
    }
}
