namespace Boxer.Abstractions;

/// <summary>
/// A point in time as Unix filesystems store it: whole seconds since 1970-01-01 UTC plus nanoseconds.
/// PAX headers carry nanoseconds, which <see cref="DateTimeOffset"/> would round away.
/// </summary>
/// <param name="Seconds">Seconds since the Unix epoch; may be negative.</param>
/// <param name="Nanoseconds">Nanoseconds within the second, 0 to 999 999 999.</param>
public readonly record struct UnixTime(long Seconds, int Nanoseconds = 0) : IComparable<UnixTime>
{
    /// <summary>The Unix epoch itself.</summary>
    public static UnixTime Epoch => default;

    /// <summary>Converts a <see cref="DateTimeOffset"/>, keeping its 100 ns precision.</summary>
    /// <param name="time">The time to convert.</param>
    /// <returns>The same instant as a <see cref="UnixTime"/>.</returns>
    public static UnixTime FromDateTimeOffset(DateTimeOffset time)
    {
        long ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        long seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }
        return new UnixTime(seconds, (int)(rest * 100));
    }

    /// <summary>Converts to a <see cref="DateTimeOffset"/> in UTC, truncating to 100 ns.</summary>
    /// <returns>The same instant, to the nearest earlier 100 ns.</returns>
    public DateTimeOffset ToDateTimeOffset() =>
        DateTimeOffset.UnixEpoch.AddTicks(Seconds * TimeSpan.TicksPerSecond + Nanoseconds / 100);

    /// <summary>Orders by seconds, then nanoseconds.</summary>
    /// <param name="other">The time to compare with.</param>
    /// <returns>Negative, zero or positive as this time is earlier, equal or later.</returns>
    public int CompareTo(UnixTime other) =>
        Seconds != other.Seconds ? Seconds.CompareTo(other.Seconds) : Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Returns the earlier of this time and <paramref name="limit"/>, as SOURCE_DATE_EPOCH clamping does.</summary>
    /// <param name="limit">The latest time allowed.</param>
    /// <returns>This time, or <paramref name="limit"/> if this time is later.</returns>
    public UnixTime ClampTo(UnixTime limit) => CompareTo(limit) > 0 ? limit : this;

    /// <summary>Formats as <c>seconds.nanoseconds</c>, the PAX <c>mtime</c> form.</summary>
    /// <returns>The time as text.</returns>
    public override string ToString() => Nanoseconds == 0 ? $"{Seconds}" : $"{Seconds}.{Nanoseconds:D9}";
}
