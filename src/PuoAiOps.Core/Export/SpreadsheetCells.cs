namespace PuoAiOps.Core.Export;

/// <summary>
/// Protects CSV files that people open in a spreadsheet: a cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is read as a formula by Excel, LibreOffice and Google
/// Sheets (CSV/formula injection). Such a cell gets a leading apostrophe, which spreadsheets show as
/// text and hide. Exports meant for machines (training pipelines) skip this in their explicit raw mode.
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>True when a spreadsheet would evaluate <paramref name="value"/> as a formula.</summary>
    public static bool IsFormulaLike(string? value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The value with a leading apostrophe when it is formula-like; otherwise unchanged.</summary>
    public static string Neutralise(string? value)
    {
        if (value is null) return "";
        return IsFormulaLike(value) ? "'" + value : value;
    }
}
