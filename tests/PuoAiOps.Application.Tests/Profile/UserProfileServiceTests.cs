using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Profile;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Profile;

/// <summary>A user's own profile on a real SQLite workspace: stored when valid, untouched when not.</summary>
public sealed class UserProfileServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_StoresTheTrimmedNameAndTheCanonicalCulture_AndAudits()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var userId = await AddUserAsync(workspace);
        await using var db = workspace.NewContext();

        var result = await new UserProfileService(db).SaveAsync(userId, new ProfileChange("  Lin Wei  ", "ZH-cn"), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal("Lin Wei", result.Profile!.DisplayName);
        Assert.Equal("zh-CN", result.Profile.PreferredCulture);
        await using var check = workspace.NewContext();
        Assert.Equal("zh-CN", await new UserProfileService(check).PreferredCultureAsync(userId, Ct));
        Assert.Single(await check.AuditLog.Where(a => a.Action == "profile.update" && a.EntityId == userId).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("   ", "en", nameof(ProfileChange.DisplayName), ProfileError.DisplayNameRequired)]
    [InlineData("Line\nbreak", "en", nameof(ProfileChange.DisplayName), ProfileError.DisplayNameHasControlCharacters)]
    [InlineData("Lin", "fr-FR", nameof(ProfileChange.PreferredCulture), ProfileError.CultureNotSupported)]
    public async Task Save_RefusesABadField_AndWritesNothing(string name, string culture, string field, ProfileError error)
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var userId = await AddUserAsync(workspace);
        await using var db = workspace.NewContext();

        var result = await new UserProfileService(db).SaveAsync(userId, new ProfileChange(name, culture), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(error, result.Errors[field]);
        await using var check = workspace.NewContext();
        var stored = await check.Users.SingleAsync(u => u.Id == userId, Ct);
        Assert.Equal("Original", stored.DisplayName);
        Assert.Null(stored.PreferredCulture);
        Assert.Empty(await check.AuditLog.Where(a => a.Action == "profile.update").ToListAsync(Ct));
    }

    [Fact]
    public void DisplayName_LongerThanTheLimit_IsRefused()
    {
        Assert.Null(ProfileRules.CheckDisplayName(new string('名', ProfileRules.MaxDisplayNameLength)));
        Assert.Equal(ProfileError.DisplayNameTooLong, ProfileRules.CheckDisplayName(new string('名', ProfileRules.MaxDisplayNameLength + 1)));
    }

    [Fact]
    public async Task SetCulture_Null_FollowsTheBrowserAgain()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var userId = await AddUserAsync(workspace, culture: "zh-CN");
        await using var db = workspace.NewContext();

        var result = await new UserProfileService(db).SetCultureAsync(userId, null, Ct);

        Assert.True(result.Succeeded);
        Assert.Null(result.Profile!.PreferredCulture);
        Assert.Equal("Original", result.Profile.DisplayName);
    }

    private static async Task<string> AddUserAsync(TempWorkspace workspace, string? culture = null)
    {
        await using var db = workspace.NewContext();
        var user = new AppUser { UserName = "lin@example.test", Email = "lin@example.test", DisplayName = "Original", PreferredCulture = culture };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return user.Id;
    }
}
