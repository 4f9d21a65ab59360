using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// Admin refusals raised as exceptions (the <c>Code</c> of the common exceptions); the refusals an admin
/// page checks beforehand stay results (<see cref="ApiKeyError"/>, <c>UserErrors</c>). The console words
/// each value from <c>AdminText</c> (<c>AdminRefusal.&lt;value&gt;</c>); the API and the CLI in English.
/// </summary>
public enum AdminRefusal
{
    [English("The request budget must be between 1 and {0} per minute.")] BudgetOutOfRange,
}
