namespace PuoAiOps.Application.Admin;

/// <summary>An API key as the admin page lists it: never its secret or hash.</summary>
public sealed record ApiKeySummary(
    long Id, string Name, string Prefix, string Role, string? CreatedByName, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>Codes of the refusals of <see cref="ApiKeyService"/>, for the console to word.</summary>
public enum ApiKeyError { NameRequired, NameTooLong, UnknownRole, NoSuchKey, AlreadyRevoked }

/// <summary>A new key: <see cref="Secret"/> is the only copy of the key there will ever be (only its hash is stored).</summary>
public sealed record ApiKeyCreated(ApiKeySummary Key, string Secret);

public sealed record ApiKeyResult(ApiKeyError? Error, ApiKeyCreated? Created = null)
{
    public bool Succeeded => Error is null;
}
