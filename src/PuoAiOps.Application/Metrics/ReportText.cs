namespace PuoAiOps.Application.Metrics;

/// <summary>The fixed words of a rendered report, in English and Simplified Chinese.</summary>
internal sealed record ReportText(
    string Daily, string Weekly, string Period, string Definitions, string TimeZone, string Generated,
    string Indicators, string Indicator, string Value, string Interval, string Previous, string Change, string Counts,
    string Incomplete, string TopFailing, string Intent, string Conversations, string Resolution, string Escalation, string Fallback,
    string NearMisses, string Question, string Confidence, string Escalations, string Total, string StillOpen, string Reason, string Count,
    string SopGaps, string Unsupported, string Share, string Annotation, string GradingWeek, string Sample, string Graded,
    string DoublePairs, string Kappa, string OpenItems, string Alerts, string Day, string Limits, string Above, string Below, string None,
    IReadOnlyDictionary<string, string> MetricNames)
{
    public static ReportText For(string language) => language switch
    {
        "en" => English,
        "zh" or "zh-CN" => Chinese,
        _ => throw new ArgumentException($"Reports render in 'en' or 'zh', not '{language}'.", nameof(language)),
    };

    public static readonly ReportText English = new(
        "Daily data review", "Weekly data review", "Period", "Metric definitions", "Reporting time zone", "Generated",
        "Headline and secondary indicators", "Indicator", "Value", "95 % interval", "Previous period", "Change", "Counts",
        "(return window not over yet)", "Top failing intents", "Intent", "Conversations", "Resolution", "Escalation", "Fallback",
        "Near-miss questions", "Question (redacted)", "Confidence", "Escalations", "Total", "Still open", "Reason", "Count",
        "SOP gaps (answered without a script or SOP)", "Unsupported", "Share", "Annotation and grading", "Grading week", "Sample", "Graded",
        "Pairs graded twice", "Agreement (Cohen's κ)", "Open annotation items done", "Alerts (outside 3σ p-chart limits)", "Day", "Limits",
        "above", "below", "none",
        new Dictionary<string, string>());

    public static readonly ReportText Chinese = new(
        "每日数据复盘", "每周数据复盘", "周期", "指标定义版本", "报表时区", "生成时间",
        "核心与辅助指标", "指标", "数值", "95% 置信区间", "上一周期", "变化", "分子/分母",
        "（回访窗口尚未结束）", "失败最多的意图", "意图", "会话数", "解决率", "转人工率", "兜底率",
        "险些识别的问题", "问题（已脱敏）", "置信度", "转人工", "总数", "仍未关闭", "原因", "数量",
        "SOP 缺口（无话术或 SOP 的回答）", "无支撑回答", "占比", "标注与评分进度", "评分周", "样本", "已评分",
        "双人评分对数", "一致性（Cohen's κ）", "未关闭批次已完成条目", "异常提醒（超出 3σ p 控制图界限）", "日期", "界限",
        "偏高", "偏低", "无",
        new Dictionary<string, string>
        {
            ["accuracy"] = "回答准确率", ["resolution"] = "问题解决率", ["resolution_confirmed"] = "问题解决率（用户确认）",
            ["reuse"] = "用户复用率", ["failure_recontact"] = "失败回访率", ["containment"] = "自助率", ["escalation"] = "转人工率",
            ["coverage"] = "覆盖率", ["fallback"] = "兜底率", ["csat"] = "满意度", ["latency_p50"] = "延迟 p50", ["latency_p95"] = "延迟 p95",
        });

    public string Name(IndicatorView view) => MetricNames.GetValueOrDefault(view.Key) ?? view.Name;

    public string Name(string key, string fallback) => MetricNames.GetValueOrDefault(key) ?? fallback;
}
