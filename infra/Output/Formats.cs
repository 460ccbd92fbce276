using System.Globalization;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>Number formats of the text reports (invariant culture: reports are compared in reviews and tests).</summary>
internal static class Formats
{
    /// <summary>Hourly amounts keep up to 4 decimals: $0.1664/h matters when multiplied by 730.</summary>
    public static string Hourly(decimal usd) => "$" + usd.ToString("#,0.00##", CultureInfo.InvariantCulture);

    public static string Monthly(decimal usd) => "$" + usd.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Hourly(decimal? usd) => usd is { } value ? Hourly(value) : "unknown";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Counts(Components.Gpu.NodeCounts counts) => $"{counts.Min} / {counts.Desired} / {counts.Max}";
}
