using System.Security.Cryptography;
using System.Text;

namespace PuoAiOps.Application.Secrets;

/// <summary>
/// A secret as stored: <c>enc:v1:KEYID:BASE64(nonce ‖ ciphertext ‖ tag)</c>, AES-256-GCM. The setting's
/// name is the associated data, so a value copied into another row does not decrypt. The version
/// prefix leaves room for another scheme without guessing what a value is.
/// </summary>
public static class SecretEnvelope
{
    public const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static bool IsSealed(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The id of the key a sealed value needs; null for a plaintext value.</summary>
    public static string? KeyId(string value)
    {
        if (!IsSealed(value)) return null;
        var end = value.IndexOf(':', Prefix.Length);
        return end < 0 ? "" : value[Prefix.Length..end];
    }

    public static string Seal(SecretKey key, string name, string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(name));
        return $"{Prefix}{key.Id}:{Convert.ToBase64String(output)}";
    }

    /// <summary>Decrypts with <paramref name="key"/> (whose id the value names); throws <see cref="CryptographicException"/> when altered.</summary>
    public static string Open(SecretKey key, string name, string value)
    {
        var payload = Convert.FromBase64String(value[(value.IndexOf(':', Prefix.Length) + 1)..]);
        if (payload.Length < NonceSize + TagSize) throw new CryptographicException("The sealed value is too short.");
        var length = payload.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize, length), payload.AsSpan(NonceSize + length), plaintext, Encoding.UTF8.GetBytes(name));
        return Encoding.UTF8.GetString(plaintext);
    }
}
