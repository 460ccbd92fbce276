using System.Globalization;
using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>Durations in the Go notation Kubernetes objects use (<c>90s</c>, <c>10m</c>, <c>720h</c>, <c>1h30m</c>).</summary>
public static partial class GoDuration
{
    // Go's longest duration: int64 nanoseconds.
    private const decimal MaxSeconds = long.MaxValue / 1_000_000_000m;

    /// <summary>
    /// Parses hours, minutes and seconds parts; null when the text is not such a duration or is longer
    /// than Go's <c>time.Duration</c> holds (int64 nanoseconds, about 2,562,047 hours), which the API
    /// server would refuse.
    /// </summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null || !Shape().IsMatch(text))
        {
            return null;
        }
        var seconds = 0m;
        foreach (Match part in Part().Matches(text))
        {
            // More digits than any valid duration has; also keeps the decimal arithmetic below exact.
            if (part.Groups[1].Value.TrimStart('0').Length > 12)
            {
                return null;
            }
            var amount = decimal.Parse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            seconds += amount * part.Groups[2].Value switch
            {
                "h" => 3600,
                "m" => 60,
                _ => 1,
            };
            if (seconds > MaxSeconds)
            {
                return null;
            }
        }
        return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>The shortest whole-unit form: <c>720h</c>, <c>10m</c>, <c>90s</c>; sub-second parts are dropped.</summary>
    public static string Format(TimeSpan value)
    {
        var seconds = (long)value.TotalSeconds;
        return seconds % 3600 == 0 && seconds > 0 ? $"{seconds / 3600}h"
            : seconds % 60 == 0 && seconds > 0 ? $"{seconds / 60}m"
            : $"{seconds}s";
    }

    [GeneratedRegex(@"\A([0-9]+(h|m|s))+\z")]
    private static partial Regex Shape();

    [GeneratedRegex("([0-9]+)(h|m|s)")]
    private static partial Regex Part();
}
