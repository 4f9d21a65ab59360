using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Jobs;

/// <summary>
/// What the job runner itself says about a job (the areas' handlers say the rest with their own codes): the
/// console words each value from <c>JobText</c> (<c>JobMessage.&lt;value&gt;</c>), the CLI and logs in English.
/// </summary>
public enum JobMessage
{
    [English("Waiting for a worker")] Waiting,
    [English("Started")] Started,
    [English("The job stopped with an unexpected error; the details are in the server log (ref {0}).")] Crashed,
    /// <summary>
    /// A refusal a service gave as an English sentence without a code: the runner no longer stores it (it stores
    /// <see cref="RefusedWithoutCode"/>); kept so rows stored before are read back, shown in English marked <c>lang="en"</c>.
    /// </summary>
    [English("{0}")] AsWritten,
    /// <summary>A refusal without a code of its own (a bug to fix where it is raised): its English goes to the log only.</summary>
    [English("The job was refused; the reason is in the server log (ref {0}).")] RefusedWithoutCode,
}
