using System.Globalization;
using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Components;

/// <summary>Durations in the Go notation Kubernetes objects use (<c>90s</c>, <c>10m</c>, <c>720h</c>, <c>1h30m</c>).</summary>
public static partial class GoDuration
{
    /// <summary>Parses hours, minutes and seconds parts; null when the text is not such a duration.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null || !Shape().IsMatch(text))
        {
            return null;
        }
        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text))
        {
            var amount = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }
        return total;
    }

    /// <summary>The shortest whole-unit form: <c>720h</c>, <c>10m</c>, <c>90s</c>; sub-second parts are dropped.</summary>
    public static string Format(TimeSpan value)
    {
        var seconds = (long)value.TotalSeconds;
        return seconds % 3600 == 0 && seconds > 0 ? $"{seconds / 3600}h"
            : seconds % 60 == 0 && seconds > 0 ? $"{seconds / 60}m"
            : $"{seconds}s";
    }

    [GeneratedRegex("^([0-9]+(h|m|s))+$")]
    private static partial Regex Shape();

    [GeneratedRegex("([0-9]+)(h|m|s)")]
    private static partial Regex Part();
}
