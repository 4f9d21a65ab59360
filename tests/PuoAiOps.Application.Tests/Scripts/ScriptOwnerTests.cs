using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Scripts;

/// <summary>Handing a script to another owner: editors only, to an active Curator or Admin only, audited.</summary>
public sealed class ScriptOwnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangeOwner_HandsTheScriptToAnActiveCurator_AndAuditsFromAndTo()
    {
        await using var bed = await CreateAsync();
        await using var s = bed.Open();
        var id = await NewScriptAsync(bed, s);

        Assert.True(await s.Editor.ChangeOwnerAsync(id, "u-curator2", bed.Bed.Curator, Ct));
        Assert.False(await s.Editor.ChangeOwnerAsync(id, "u-curator2", bed.Bed.Curator, Ct)); // nothing changed, nothing audited

        await using var db = bed.Bed.NewContext();
        Assert.Equal("u-curator2", await db.Scripts.Where(x => x.Id == id).Select(x => x.OwnerId).SingleAsync(Ct));
        var audit = Assert.Single(await db.AuditLog.Where(a => a.Action == "script.owner").ToListAsync(Ct));
        Assert.Equal(("u-curator", "ReplyScript", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "from=u-curator; to=u-curator2"),
            (audit.ActorId, audit.EntityType, audit.EntityId, audit.Detail));
        // Who the page offers: active curators and admins, by name (not the reviewer, not the disabled curator).
        Assert.Equal(["Ada Admin", "Carl Curator", "Cora Curator"], (await new ScriptDirectory(db).EligibleOwnersAsync(Ct)).Select(p => p.DisplayName));
    }

    [Fact]
    public async Task ChangeOwner_RefusesNonEditors_IneligibleOwners_AndUnknownScripts_ChangingNothing()
    {
        await using var bed = await CreateAsync();
        await using var s = bed.Open();
        var id = await NewScriptAsync(bed, s);

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => s.Editor.ChangeOwnerAsync(id, "u-curator2", bed.Bed.Reviewer, Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.OnlyEditorsChangeOwner), forbidden.Code);
        foreach (var owner in new[] { "u-reviewer", "u-disabled", "nobody", " " })
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => s.Editor.ChangeOwnerAsync(id, owner, bed.Bed.Curator, Ct));
            Assert.Equal(["owner"], refused.Errors.Keys);
            Assert.Equal(CodedMessage.Of(owner == " " ? ScriptRefusal.OwnerRequired : ScriptRefusal.OwnerNotEligible), refused.Code);
        }
        await Assert.ThrowsAsync<ValidationException>(() => s.Editor.UpdateDetailsAsync(id, "Title", null, "u-reviewer", bed.Bed.Curator, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.Editor.ChangeOwnerAsync(id + 99, "u-curator2", bed.Bed.Curator, Ct));

        await using var db = bed.Bed.NewContext();
        Assert.Equal("u-curator", await db.Scripts.Where(x => x.Id == id).Select(x => x.OwnerId).SingleAsync(Ct));
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "script.owner", Ct));
    }

    /// <summary>The script bed plus roles: the bed's curator and a second curator, an admin, a disabled curator; the bed's reviewer.</summary>
    private static async Task<ScriptTestBed> CreateAsync()
    {
        var bed = await ScriptTestBed.CreateAsync();
        await using var db = bed.Bed.NewContext();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        foreach (var (id, name, disabled) in new[] { ("u-curator2", "Carl Curator", false), ("u-admin", "Ada Admin", false), ("u-disabled", "Dora Disabled", true) })
            db.Users.Add(new AppUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), DisplayName = name, IsDisabled = disabled });
        foreach (var (user, role) in new[] { ("u-curator", Roles.Curator), ("u-curator2", Roles.Curator), ("u-admin", Roles.Admin), ("u-disabled", Roles.Curator), ("u-reviewer", Roles.Reviewer) })
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user, RoleId = roles[role].Id });
        await db.SaveChangesAsync(Ct);
        return bed;
    }

    private static async Task<long> NewScriptAsync(ScriptTestBed bed, ScriptTestBed.Services s)
    {
        await bed.AddIntentAsync("refund_request");
        var saved = await s.Editor.CreateAsync(new NewScriptInput("refund_request", "en", ScriptChannels.Im, "Refunds", new DraftInput("Hi, your refund is on its way.")), bed.Bed.Curator, Ct);
        return saved.ScriptId;
    }
}
