using Boxer.Abstractions;

namespace Boxer.Formats.Squashfs;

/// <summary>Turns entry times into squashfs's unsigned 32-bit seconds, clamped to SOURCE_DATE_EPOCH when given.</summary>
internal sealed class TimeClamp(UnixTime? sourceDateEpoch)
{
    public uint ToSquashfs(UnixTime time)
    {
        long seconds = (sourceDateEpoch is { } limit ? time.ClampTo(limit) : time).Seconds;
        return (uint)Math.Clamp(seconds, 0, uint.MaxValue);
    }
}
