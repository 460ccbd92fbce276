using System.Text;
using GpuSlicingInfra.Review.Plan;
using static GpuSlicingInfra.Cli.Output.PlanHtmlText;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>
/// One pool drawn as inline SVG: a node of the pool with each of its GPUs as a bar, split into the slices it
/// advertises (time-slicing, MPS) or into its MIG partitions, sized by their compute slices.
/// </summary>
internal static class PlanHtmlPoolDrawing
{
    private const int Width = 430;
    private const int BarLeft = 70;
    private const int BarWidth = Width - BarLeft - 12;
    private const int BarHeight = 22;
    private const int RowHeight = 28;
    private const int Top = 30;

    // Compute slices of a whole GPU in NVIDIA's MIG profiles (7g is the full GPU on A100, H100, H200, B200).
    private const int MigComputeSlices = 7;

    public static void Write(StringBuilder html, PoolPlan pool)
    {
        var gpus = Math.Max(pool.GpusPerNode, 1);
        var height = Top + gpus * RowHeight + 6;
        var label = $"One {pool.PricedInstanceType} node of pool {pool.Pool}: {pool.GpusPerNode} GPU(s), {pool.SlicesPerNode} {pool.ResourceName} slices";
        html.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Encode(label)}\">\n");
        html.Append($"<rect x=\"1\" y=\"1\" width=\"{Width - 2}\" height=\"{height - 2}\" rx=\"6\" fill=\"#ffffff\" stroke=\"#6b7280\"/>\n");
        html.Append($"<text x=\"10\" y=\"19\" font-size=\"12\" fill=\"#374151\">node {Encode(pool.PricedInstanceType)} · {Encode(pool.GpuModel)} {Number(pool.GpuMemoryGiB)} GiB per GPU</text>\n");
        for (var gpu = 0; gpu < pool.GpusPerNode; gpu++)
        {
            var y = Top + gpu * RowHeight;
            html.Append($"<text x=\"10\" y=\"{y + 15}\" font-size=\"12\" fill=\"#374151\">GPU {Number(gpu)}</text>\n");
            if (pool.MigDevicesPerGpu.Count > 0)
            {
                WriteMigPartitions(html, pool, y);
            }
            else
            {
                WriteCells(html, BarLeft, y, BarWidth, pool.Replicas, PlanHtmlStyle.SliceFill, pool.Replicas == 1 ? "whole GPU" : $"1/{pool.Replicas}");
            }
        }
        html.Append("</svg>\n");
    }

    // Each MIG device as wide as its compute slices; time-sliced MIG devices split further into their replicas.
    private static void WriteMigPartitions(StringBuilder html, PoolPlan pool, int y)
    {
        var devices = pool.MigDevicesPerGpu.OrderBy(d => d.Key, StringComparer.Ordinal).SelectMany(d => Enumerable.Repeat(d.Key, d.Value)).ToList();
        var units = Math.Max(MigComputeSlices, devices.Sum(ComputeSlices));
        var replicasPerDevice = Math.Max(1, pool.Replicas / devices.Count);
        double x = BarLeft;
        foreach (var device in devices)
        {
            var width = (double)BarWidth * ComputeSlices(device) / units;
            WriteCells(html, x, y, width, replicasPerDevice, PlanHtmlStyle.MigFill, device);
            if (width >= 44)
            {
                html.Append($"<text x=\"{Number(x + width / 2)}\" y=\"{y + 15}\" font-size=\"10\" fill=\"#ffffff\" text-anchor=\"middle\">{Encode(device)}</text>\n");
            }
            x += width;
        }
    }

    private static void WriteCells(StringBuilder html, double x, int y, double width, int cells, string fill, string title)
    {
        var cell = width / Math.Max(cells, 1);
        for (var i = 0; i < Math.Max(cells, 1); i++)
        {
            html.Append($"<rect class=\"slice\" x=\"{Number(x + i * cell)}\" y=\"{y}\" width=\"{Number(cell)}\" height=\"{BarHeight}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>{Encode(title)}</title></rect>\n");
        }
    }

    // "3g.40gb" takes 3 of the GPU's 7 compute slices; a profile without that prefix counts as one.
    private static int ComputeSlices(string profile) =>
        profile.IndexOf('g', StringComparison.Ordinal) is > 0 and var end && int.TryParse(profile.AsSpan(0, end), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var slices)
            ? Math.Max(slices, 1)
            : 1;
}
