namespace PuoAiOps.Core.Text.Redaction;

/// <summary>Kinds of personal data the redactor replaces. <see cref="Custom"/> covers admin-defined patterns.</summary>
public enum PiiType
{
    Email,
    Phone,
    Card,
    IdNumber,
    Iban,
    Ip,
    Url,
    Custom,
}

public static class PiiTypes
{
    /// <summary>The built-in kinds, in report order.</summary>
    public static IReadOnlyList<PiiType> BuiltIn { get; } =
        [PiiType.Email, PiiType.Phone, PiiType.Card, PiiType.IdNumber, PiiType.Iban, PiiType.Ip, PiiType.Url];

    /// <summary>The marker written in place of a match, e.g. <c>&lt;EMAIL&gt;</c>.</summary>
    public static string Marker(PiiType type) => type switch
    {
        PiiType.Email => "<EMAIL>",
        PiiType.Phone => "<PHONE>",
        PiiType.Card => "<CARD>",
        PiiType.IdNumber => "<ID_NUMBER>",
        PiiType.Iban => "<IBAN>",
        PiiType.Ip => "<IP>",
        PiiType.Url => "<URL>",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Custom markers are named by their pattern."),
    };

    /// <summary>Key used in reports and JSON output (snake case, e.g. <c>id_number</c>).</summary>
    public static string ReportKey(PiiType type) => type switch
    {
        PiiType.Email => "email",
        PiiType.Phone => "phone",
        PiiType.Card => "card",
        PiiType.IdNumber => "id_number",
        PiiType.Iban => "iban",
        PiiType.Ip => "ip",
        PiiType.Url => "url",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Custom kinds are keyed by their pattern name."),
    };
}
