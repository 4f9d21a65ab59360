using Microsoft.AspNetCore.Identity;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// The people of the demo workspace. They have no password (so nobody can sign in as them); they
/// exist so labels, script reviews, grades and escalations show a name.
/// </summary>
internal sealed class DemoUsers
{
    public const string AnnotatorLin = "demo-user-lin";
    public const string AnnotatorSam = "demo-user-sam";
    public const string Reviewer = "demo-user-priya";
    public const string Curator = "demo-user-chen";
    public const string AgentZhou = "demo-user-zhou";
    public const string AgentKim = "demo-user-kim";

    public static readonly IReadOnlyList<string> Agents = [AgentZhou, AgentKim];

    private static readonly (string Id, string UserName, string DisplayName, string Role)[] People =
    [
        (AnnotatorLin, "demo.lin", "Lin Wei (demo annotator)", Roles.Annotator),
        (AnnotatorSam, "demo.sam", "Sam Carter (demo annotator)", Roles.Annotator),
        (Reviewer, "demo.priya", "Priya Natarajan (demo reviewer)", Roles.Reviewer),
        (Curator, "demo.chen", "Chen Jie (demo curator)", Roles.Curator),
        // Support agents work the escalation queue, which takes the Curator role (Viewers only read it).
        (AgentZhou, "demo.zhou", "Zhou Min (demo support agent)", Roles.Curator),
        (AgentKim, "demo.kim", "Alex Kim (demo support agent)", Roles.Curator),
    ];

    public static IEnumerable<string> UserNames => People.Select(p => p.UserName);

    /// <summary>Adds users, their role links, and the role rows that do not exist yet.</summary>
    /// <param name="existingRoleIds">Role id by normalized role name, as found in the database.</param>
    public static void Build(DemoDataSet set, IReadOnlyDictionary<string, string> existingRoleIds, DemoRandom random, DateTime now)
    {
        var roleIds = new Dictionary<string, string>(existingRoleIds, StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            var normalized = role.ToUpperInvariant();
            if (roleIds.ContainsKey(normalized)) continue;
            var created = new IdentityRole(role)
            {
                Id = random.NextGuid().ToString(),
                NormalizedName = normalized,
                ConcurrencyStamp = random.NextGuid().ToString(),
            };
            set.NewRoles.Add(created);
            roleIds[normalized] = created.Id;
        }

        foreach (var (id, userName, displayName, role) in People)
        {
            set.Users.Add(new AppUser
            {
                Id = id,
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = displayName,
                PasswordHash = null,
                SecurityStamp = random.NextGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = random.NextGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = now.AddDays(-120),
                IsDemo = true,
            });
            set.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleIds[role.ToUpperInvariant()] });
        }
    }
}
