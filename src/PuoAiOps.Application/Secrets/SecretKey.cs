using System.Security.Cryptography;

namespace PuoAiOps.Application.Secrets;

/// <summary>A 256-bit AES key and its short id (named in every value it encrypts, so the right key is picked).</summary>
public sealed class SecretKey
{
    public const int Length = 32;

    private SecretKey(byte[] bytes)
    {
        Bytes = bytes;
        Id = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 4));
    }

    public byte[] Bytes { get; }

    /// <summary>8 hex digits of the key's SHA-256: tells keys apart, reveals nothing usable.</summary>
    public string Id { get; }

    public static SecretKey New() => new(RandomNumberGenerator.GetBytes(Length));

    public static SecretKey? TryParse(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        var buffer = new byte[Length + 1];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == Length ? new SecretKey(buffer[..Length]) : null;
    }

    public string ToBase64() => Convert.ToBase64String(Bytes);
}
