namespace PuoAiOps.Application.Admin;

/// <summary>What the users table can be sorted by.</summary>
public enum UserSort { Name, Email, Created, Status }

/// <summary>A page of the users table: search in name and e-mail, optional role and status filters, one sort column.</summary>
public sealed record UserListQuery(
    string? Search = null, string? Role = null, bool? Disabled = null,
    UserSort Sort = UserSort.Status, bool Descending = false, int Page = 1, int PageSize = 25);

public sealed record UserListPage(IReadOnlyList<UserSummary> Rows, int Total);
