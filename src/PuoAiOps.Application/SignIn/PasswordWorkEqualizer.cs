using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.SignIn;

/// <summary>
/// Verifies the typed password against a throw-away hash when no real check will run (unknown email,
/// locked or disabled account). Otherwise those answers come back in a few milliseconds and a
/// wrong password for a real account in ~80: the response time would tell which accounts exist.
/// </summary>
public sealed class PasswordWorkEqualizer
{
    private readonly AppUser _nobody = new() { Id = "nobody", UserName = "nobody" };
    private string? _dummyHash;

    public void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        // Hashed with the same hasher and settings as real accounts, so the work is the same.
        _dummyHash ??= hasher.HashPassword(_nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(_nobody, _dummyHash, password ?? "");
    }
}
