using System.Linq.Expressions;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// The audit search as one SQL predicate. The stored <see cref="AuditEntry.Detail"/> is English, so a reader of the
/// Chinese console would find nothing by the words the page shows; the page therefore also passes the detail codes
/// whose wording in the reader's language contains the term, and an entry matches when its detail is one of them or
/// holds one nested in its arguments (a role, a status, a kind). Names and numbers are in the English detail as
/// written, so they are found there.
/// </summary>
internal static class AuditSearch
{
    /// <summary>More codes than this means the term is too common a word to narrow anything: the codes are ignored.</summary>
    public const int MaxCodes = 200;

    public static Expression<Func<AuditEntry, bool>> Matching(string search, IReadOnlyCollection<string>? codes)
    {
        var term = search.Trim().ToLowerInvariant();
        var exact = search.Trim();
#pragma warning disable CA1862 // lower() + contains translates on SQLite and PostgreSQL alike
        Expression<Func<AuditEntry, bool>> words = e => e.Action.ToLower().Contains(term) || e.ActorName.ToLower().Contains(term)
            || (e.Detail != null && e.Detail.ToLower().Contains(term)) || e.EntityType.ToLower().Contains(term)
            || (e.EntityId != null && e.EntityId == exact);
#pragma warning restore CA1862
        if (codes is not { Count: > 0 and <= MaxCodes }) return words;

        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        Expression<Func<AuditEntry, bool>> coded = e => e.DetailCode != null && list.Contains(e.DetailCode);
        var entry = words.Parameters[0];
        var body = Expression.OrElse(words.Body, Rebind(coded, entry));
        foreach (var code in list)
        {
            // A nested code is stored as {"m":{"code":"<enum>.<value>",...}}: the quotes keep RoleAdmin from matching RoleAdminX.
            var quoted = "\"" + code + "\"";
            Expression<Func<AuditEntry, bool>> nested = e => e.DetailArgs != null && e.DetailArgs.Contains(quoted);
            body = Expression.OrElse(body, Rebind(nested, entry));
        }
        return Expression.Lambda<Func<AuditEntry, bool>>(body, entry);
    }

    private static Expression Rebind(Expression<Func<AuditEntry, bool>> lambda, ParameterExpression entry) =>
        new Rebinder(lambda.Parameters[0], entry).Visit(lambda.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
