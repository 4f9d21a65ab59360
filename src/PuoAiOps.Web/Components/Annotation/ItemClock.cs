namespace PuoAiOps.Web.Components.Annotation;

/// <summary>Time on the current item, leaving out the time the browser tab was hidden.</summary>
public sealed class ItemClock(TimeProvider time)
{
    private long _shownAt = time.GetTimestamp();
    private long? _hiddenSince;
    private TimeSpan _hidden;

    public void Restart()
    {
        _shownAt = time.GetTimestamp();
        _hidden = TimeSpan.Zero;
        _hiddenSince = null;
    }

    public void SetHidden(bool hidden)
    {
        if (hidden) _hiddenSince ??= time.GetTimestamp();
        else if (_hiddenSince is { } since)
        {
            _hidden += time.GetElapsedTime(since);
            _hiddenSince = null;
        }
    }

    public TimeSpan Active
    {
        get
        {
            var hidden = _hidden + (_hiddenSince is { } since ? time.GetElapsedTime(since) : TimeSpan.Zero);
            var active = time.GetElapsedTime(_shownAt) - hidden;
            return active < TimeSpan.Zero ? TimeSpan.Zero : active;
        }
    }
}
