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
    /// <summary>A refusal a service gave as an English sentence without a code: shown as written.</summary>
    [English("{0}")] AsWritten,
}
