namespace PuoAiOps.Application.SignIn;

/// <summary>Configuration section "SignIn": lockout and sign-in rate limits.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>Wrong passwords in a row that lock an account (each further run of this many locks it again, longer).</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>Length of the first lockout; each following one doubles, up to <see cref="MaxLockoutMinutes"/>.</summary>
    public int LockoutMinutes { get; set; } = 15;

    public int MaxLockoutMinutes { get; set; } = 24 * 60;

    /// <summary>Sign-in attempts one client address may make per <see cref="AddressWindowSeconds"/> (password spraying).</summary>
    public int AddressPermitLimit { get; set; } = 30;

    public int AddressWindowSeconds { get; set; } = 300;

    /// <summary>Sign-in attempts for one email, from anywhere, per <see cref="AccountWindowSeconds"/> (known or unknown email alike).</summary>
    public int AccountPermitLimit { get; set; } = 10;

    public int AccountWindowSeconds { get; set; } = 900;

    public TimeSpan LockoutDuration(int lockoutNumber)
    {
        var minutes = LockoutMinutes * Math.Pow(2, Math.Clamp(lockoutNumber - 1, 0, 30));
        return TimeSpan.FromMinutes(Math.Min(minutes, MaxLockoutMinutes));
    }

    /// <summary>Start-up validation with messages that name the configuration path.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxFailedAttempts is < 1 or > 100) yield return $"{SectionName}:MaxFailedAttempts must be between 1 and 100.";
        if (LockoutMinutes is < 1 or > 10_080) yield return $"{SectionName}:LockoutMinutes must be between 1 and 10080.";
        if (MaxLockoutMinutes < LockoutMinutes || MaxLockoutMinutes > 525_600)
            yield return $"{SectionName}:MaxLockoutMinutes must be at least {SectionName}:LockoutMinutes and at most 525600.";
        if (AddressPermitLimit < 1) yield return $"{SectionName}:AddressPermitLimit must be at least 1.";
        if (AccountPermitLimit < 1) yield return $"{SectionName}:AccountPermitLimit must be at least 1.";
        if (AddressWindowSeconds is < 1 or > 86_400) yield return $"{SectionName}:AddressWindowSeconds must be between 1 and 86400.";
        if (AccountWindowSeconds is < 1 or > 86_400) yield return $"{SectionName}:AccountWindowSeconds must be between 1 and 86400.";
    }
}
