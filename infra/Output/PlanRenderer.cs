using GpuSlicingInfra.Stacks.Review.Plan;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>The text form of a plan: resource tree, capacity, cost, sharing comparison, warnings.</summary>
internal static class PlanRenderer
{
    // Tables go through Spectre when they fit; everything else is written as lines wrapped at spaces.
    /// <param name="writer">Where the report goes.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="width">Columns the tables fit in; see <see cref="ReportConsole.Width"/>.</param>
    public static void Render(TextWriter writer, StackPlan plan, int? width)
    {
        var console = ReportConsole.Create(writer, width);
        var columns = console.Profile.Width;
        writer.WriteLine(TerminalText.Safe($"Plan for stack {plan.Stack} (environment {plan.Environment}, region {plan.Region ?? "not set"})"));
        writer.WriteLine();
        WriteResourceTree(writer, plan, columns);
        writer.WriteLine();
        WriteTable(console, writer, columns, CapacityTable(plan));
        writer.WriteLine();
        if (plan.Pools.Any(p => p.Karpenter is not null))
        {
            WriteTable(console, writer, columns, ProvisioningTable(plan));
            writer.WriteLine();
        }
        WriteTable(console, writer, columns, CostTable(plan));
        writer.WriteLine();
        WriteTable(console, writer, columns, SharingTable(plan));
        writer.WriteLine();
        WriteWarnings(writer, plan, columns);
        if (plan.Diff is not null)
        {
            writer.WriteLine();
            DiffRenderer.Render(writer, plan.Diff, plan.Against ?? "");
        }
        writer.WriteLine();
        foreach (var line in plan.Notes.SelectMany(note => WordWrap.Lines(TerminalText.Safe(note), columns, "Note: ", "      ")))
        {
            writer.WriteLine(line);
        }
        writer.Flush();
    }

    // Plain lines rather than a drawn tree: a long logical name then wraps before its type, never inside.
    private static void WriteResourceTree(TextWriter writer, StackPlan plan, int columns)
    {
        writer.WriteLine($"Resources ({plan.Components.Sum(c => c.Resources.Count)})");
        foreach (var group in plan.Components)
        {
            writer.WriteLine(TerminalText.Safe($"  {group.Component} ({group.Resources.Count})"));
            foreach (var line in group.Resources.SelectMany(r => WordWrap.Lines(TerminalText.Safe($"{r.Name} {r.Type}"), columns, "    ", "        ")))
            {
                writer.WriteLine(line);
            }
        }
    }

    private static ReportTable CapacityTable(StackPlan plan)
    {
        var rows = plan.Pools.Select(p => new[]
        {
            p.Pool, string.Join(", ", p.InstanceTypes), p.CapacityType, $"{p.GpusPerNode} × {p.GpuModel} {p.GpuMemoryGiB} GiB",
            Formats.Counts(p.Nodes), Formats.Counts(p.PhysicalGpus), p.Strategy, p.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Formats.Counts(p.AdvertisedSlices), p.ResourceName, Formats.Number(p.NominalGpuMemoryGiBPerSlice),
        }).Append(["Total", "", "", "", "", Formats.Counts(plan.Totals.PhysicalGpus), "", "", Formats.Counts(plan.Totals.AdvertisedSlices), "", ""]);
        return NewTable("GPU capacity (nodes and counts: min / desired / max)",
            ["Pool", "Instance types", "Capacity", "GPU", "Nodes", "Physical GPUs", "Sharing", "Replicas", "Advertised slices", "Resource", "GiB/slice"], rows);
    }

    private static ReportTable CostTable(StackPlan plan)
    {
        var rows = plan.Pools.Select(p => new[]
        {
            $"pool {p.Pool}", $"{NodesDetail(p)} × {p.PricedInstanceType} {(p.CapacityType == "spot" ? "spot, priced at the on-demand" : "on-demand at")} {Formats.Hourly(p.UsdPerNodeHour)}",
            Formats.Hourly(p.AtDesired.Hourly), Formats.Monthly(p.AtDesired.Monthly), Formats.Hourly(p.AtMax.Hourly), Formats.Monthly(p.AtMax.Monthly),
            p.UsdPerSliceHour is { } perSlice ? Formats.Hourly(perSlice) : "-",
        }).Concat(plan.FixedCosts.Select(line => new[]
        {
            line.Item, line.Detail, Formats.Hourly(line.AtDesired.Hourly), Formats.Monthly(line.AtDesired.Monthly),
            Formats.Hourly(line.AtMax.Hourly), Formats.Monthly(line.AtMax.Monthly), "",
        })).Append(["Total", "", Formats.Hourly(plan.Totals.AtDesired.Hourly), Formats.Monthly(plan.Totals.AtDesired.Monthly),
            Formats.Hourly(plan.Totals.AtMax.Hourly), Formats.Monthly(plan.Totals.AtMax.Monthly), ""]);
        return NewTable("Cost (USD)", ["Item", "Detail", "$/hour desired", "$/month desired", "$/hour max", "$/month max", "$/slice-hour"], rows);
    }

    // Who adds each pool's nodes: the node group's own sizes and what Karpenter may add on top.
    private static ReportTable ProvisioningTable(StackPlan plan)
    {
        var rows = plan.Pools.Select(p => p.Karpenter is { } k
            ? new[]
            {
                p.Pool, p.Provisioner, k.Mode, p.ManagedNodeGroup is { } g ? Formats.Counts(g) : "-",
                k.MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{k.PhysicalGpusAtMax} / {k.AdvertisedSlicesAtMax}",
                k.PodResource, Formats.Hourly(k.AtMax.Hourly),
            }
            : [p.Pool, p.Provisioner, "-", p.ManagedNodeGroup is { } group ? Formats.Counts(group) : "-", "-", "-", p.ResourceName, "-"]);
        return NewTable("Provisioning (Karpenter adds nodes for pending pods: none at rest, up to the node limit)",
            ["Pool", "Provisioner", "Karpenter mode", "Node group nodes", "Karpenter max nodes", "Karpenter GPUs/slices max", "Pods request", "Karpenter $/hour max"], rows);
    }

    // A Karpenter pool has no desired size: its nodes come on demand, up to its node limit.
    private static string NodesDetail(PoolPlan p) => (p.ManagedNodeGroup, p.Karpenter) switch
    {
        (null, { } k) => $"0 at rest, added for pending pods (max {k.MaxNodes})",
        ({ } g, { } k) => $"{g.Desired} (max {g.Max} + Karpenter {k.MaxNodes})",
        _ => $"{p.Nodes.Desired} (max {p.Nodes.Max})",
    };

    private static ReportTable SharingTable(StackPlan plan)
    {
        var t = plan.Totals;
        var rows = plan.Pools.Select(p =>
        {
            var w = p.WithoutSharing;
            return new[]
            {
                p.Pool, w.Basis, w.Slices.ToString(System.Globalization.CultureInfo.InvariantCulture), w.GpusNeeded.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Hourly(w.UsdPerGpuHour), Formats.Hourly(w.Cost.Hourly), Formats.Hourly(w.Cost.Hourly - w.Saved.Hourly), Formats.Hourly(w.Saved.Hourly), Formats.Monthly(w.Saved.Monthly),
            };
        }).Append(["Total", "", "", "", "", Formats.Hourly(t.WithoutSharing.Hourly), Formats.Hourly(t.WithoutSharing.Hourly - t.SavedBySharing.Hourly),
            Formats.Hourly(t.SavedBySharing.Hourly), Formats.Monthly(t.SavedBySharing.Monthly)]);
        return NewTable("Without sharing (each slice as a whole GPU; pools with a node group at desired size, Karpenter-only pools at their node limit)",
            ["Pool", "At", "Slices", "GPUs needed", "$/GPU-hour", "$/hour without", "$/hour with", "Saved $/hour", "Saved $/month"], rows);
    }

    private static void WriteWarnings(TextWriter writer, StackPlan plan, int columns)
    {
        writer.WriteLine(plan.Warnings.Count == 0 ? "Warnings: none" : $"Warnings ({plan.Warnings.Count}):");
        foreach (var warning in plan.Warnings)
        {
            var text = $"[{warning.Code}] {warning.Message}" + (warning.KeyPath is null ? "" : $" ({warning.KeyPath})");
            foreach (var line in WordWrap.Lines(TerminalText.Safe(text), columns, "  ! ", "    "))
            {
                writer.WriteLine(line);
            }
        }
    }

    /// <summary>A table's content, laid out by <see cref="WriteTable"/> for the width at hand.</summary>
    private sealed record ReportTable(string Title, string[] Columns, IReadOnlyList<string[]> Rows);

    private static ReportTable NewTable(string title, string[] columns, IEnumerable<string[]> rows) => new(title, columns, [.. rows]);

    // A table that fits is drawn as one; one that does not becomes a list, a block per row with one
    // "column: value" line each, wrapped at spaces: squeezing it further would split words and numbers.
    private static void WriteTable(IAnsiConsole console, TextWriter writer, int columns, ReportTable data)
    {
        if (ColumnWidths(data, columns) is { } widths)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(TerminalText.Safe(data.Title))), Border = TableBorder.Rounded };
            for (var i = 0; i < data.Columns.Length; i++)
            {
                table.AddColumn(new TableColumn(Text(data.Columns[i])).Width(widths[i]));
            }
            foreach (var row in data.Rows)
            {
                table.AddRow(row.Select(c => (IRenderable)Text(c)).ToArray());
            }
            console.Write(table);
            return;
        }
        foreach (var line in WordWrap.Lines(TerminalText.Safe(data.Title), columns))
        {
            writer.WriteLine(line);
        }
        foreach (var row in data.Rows)
        {
            writer.WriteLine(TerminalText.Safe($"  {data.Columns[0]}: {row[0]}"));
            for (var i = 1; i < data.Columns.Length; i++)
            {
                if (row[i].Length > 0)
                {
                    foreach (var line in WordWrap.Lines(TerminalText.Safe($"{data.Columns[i]}: {row[i]}"), columns, "    ", "      "))
                    {
                        writer.WriteLine(line);
                    }
                }
            }
        }
    }

    // Each column gets a fixed width between its longest word (cells and header wrap at spaces) and its
    // widest cell; the widest prose columns give way first. Left to itself, Spectre shrinks columns below
    // their words and splits them. Null when even the longest words do not fit.
    private static int[]? ColumnWidths(ReportTable data, int columns)
    {
        var cells = data.Columns.Select((c, i) => data.Rows.Select(r => TerminalText.Safe(r[i])).ToList()).ToArray();
        // Counts and amounts ("2 / 3 / 6", "$1,151.94") are one unit, never wrapped; prose wraps at spaces.
        var least = data.Columns.Select((c, i) => cells[i].Select(t => t.Any(char.IsLetter) ? LongestWord(t) : t.Length).Append(LongestWord(c)).Max()).ToArray();
        var widths = cells.Select((column, i) => column.Select(c => c.Length).Append(least[i]).Max()).ToArray();
        var available = columns - 1 - (3 * widths.Length);
        if (least.Sum() > available)
        {
            return null;
        }
        while (widths.Sum() > available)
        {
            var widest = Enumerable.Range(0, widths.Length).MaxBy(i => widths[i] - least[i]);
            widths[widest]--;
        }
        return widths;
    }

    private static int LongestWord(string text) => text.Split(' ').Max(w => w.Length);

    // Every cell and tree node goes through here: names and values come from the program.
    private static Text Text(string value) => new(TerminalText.Safe(value));
}
