using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Admin;

public sealed class ApiKeyServiceTests
{
    private static readonly Actor Ada = Actor.User("ada-id", "Ada", Roles.Admin);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ReturnsTheSecretOnce_AndStoresOnlyItsHash()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        ApiKeyResult result;
        await using (var db = ws.NewContext())
            result = await new ApiKeyService(db).CreateAsync(Ada, "  nightly export ", "viewer", Ct);

        Assert.True(result.Succeeded);
        var created = result.Created!;
        Assert.StartsWith(created.Key.Prefix + "_", created.Secret, StringComparison.Ordinal);
        Assert.StartsWith(ApiKeyService.KeyPrefix, created.Key.Prefix, StringComparison.Ordinal);
        Assert.True(created.Secret.Length >= 50, created.Secret);
        Assert.Equal(("nightly export", Roles.Viewer), (created.Key.Name, created.Key.Role));

        await using var check = ws.NewContext();
        var row = await check.ApiKeys.SingleAsync(Ct);
        Assert.Equal(ApiKeyService.Hash(created.Secret), row.SecretHash);
        Assert.DoesNotContain(created.Secret, row.SecretHash, StringComparison.Ordinal);
        var audit = await check.AuditLog.SingleAsync(Ct);
        Assert.Equal((ApiKeyService.AuditCreated, "ada-id"), (audit.Action, audit.ActorId));
        Assert.DoesNotContain(created.Secret, audit.Detail, StringComparison.Ordinal);
        var listed = Assert.Single(await new ApiKeyService(check).ListAsync(Ct));
        Assert.Equal((created.Key.Id, created.Key.Prefix, false), (listed.Id, listed.Prefix, listed.IsRevoked));
        Assert.Null(listed.CreatedByName); // "ada-id" is no user of this workspace
    }

    [Fact]
    public async Task Revoke_MarksTheKey_OnceOnly_AndIsAudited()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using var db = ws.NewContext();
        var service = new ApiKeyService(db);
        var first = (await service.CreateAsync(Ada, "first", Roles.Curator, Ct)).Created!.Key;
        var second = (await service.CreateAsync(Ada, "second", Roles.Viewer, Ct)).Created!.Key;

        Assert.True((await service.RevokeAsync(Ada, first.Id, Ct)).Succeeded);
        Assert.Equal(ApiKeyError.AlreadyRevoked, (await service.RevokeAsync(Ada, first.Id, Ct)).Error);
        Assert.Equal(ApiKeyError.NoSuchKey, (await service.RevokeAsync(Ada, 987654, Ct)).Error);

        var keys = await service.ListAsync(Ct);
        Assert.Equal([second.Id, first.Id], keys.Select(k => k.Id)); // active ones first
        Assert.True(keys[1].IsRevoked);
        Assert.False(keys[0].IsRevoked);
        Assert.Equal([ApiKeyService.AuditCreated, ApiKeyService.AuditCreated, ApiKeyService.AuditRevoked],
            await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("", "Viewer", ApiKeyError.NameRequired)]
    [InlineData("   ", "Viewer", ApiKeyError.NameRequired)]
    [InlineData("ok", "Boss", ApiKeyError.UnknownRole)]
    [InlineData("ok", null, ApiKeyError.UnknownRole)]
    public async Task Create_RefusesABadNameOrRole_AndStoresNothing(string name, string? role, ApiKeyError expected)
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using var db = ws.NewContext();
        Assert.Equal(expected, (await new ApiKeyService(db).CreateAsync(Ada, name, role, Ct)).Error);
        Assert.False(await db.ApiKeys.AnyAsync(Ct));
        Assert.False(await db.AuditLog.AnyAsync(Ct));
    }

    [Fact]
    public void CheckName_RefusesMoreThanTheMaximum() =>
        Assert.Equal(ApiKeyError.NameTooLong, ApiKeyService.CheckName(new string('k', ApiKeyService.MaxNameLength + 1)));
}
