using System.Security.Cryptography;
using System.Text;

namespace PuoAiOps.Core.Retrieval;

/// <summary>Hex SHA-256 (first 128 bits) of text parts joined by a separator no document contains.</summary>
public static class ContentHash
{
    public static string Of(params ReadOnlySpan<string> parts)
    {
        var joined = string.Join('\u0001', parts.ToArray());
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(joined), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
