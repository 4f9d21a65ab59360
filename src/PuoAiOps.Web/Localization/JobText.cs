namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the job progress component, shared by every page that runs background jobs (JobText.resx, JobText.zh-CN.resx).</summary>
public sealed class JobText;
