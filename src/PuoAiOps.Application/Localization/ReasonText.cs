namespace PuoAiOps.Application.Localization;

/// <summary>
/// The wording of escalation and bot reasons (<c>BotReason</c>, <c>AnswerRejection</c>, <c>HandoffReason</c>) in
/// English and Simplified Chinese (ReasonText.resx, ReasonText.zh-CN.resx). It lives here, not in the console,
/// because a report words its reasons wherever it is rendered: the console's pages and downloads read it through
/// their localizers, the CLI's <c>puo report --lang zh</c> through <see cref="ReasonWords"/>.
/// </summary>
public sealed class ReasonText;
