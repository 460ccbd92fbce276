using GpuSlicingInfra.Stacks.Review.Plan;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>The text form of a plan: resource tree, capacity, cost, sharing comparison, warnings.</summary>
internal static class PlanRenderer
{
    // Tables go through Spectre; plain lines straight to the writer, so long warnings are not re-wrapped.
    public static void Render(TextWriter writer, StackPlan plan)
    {
        var console = ReportConsole.Create(writer);
        writer.WriteLine(TerminalText.Safe($"Plan for stack {plan.Stack} (environment {plan.Environment}, region {plan.Region ?? "not set"})"));
        writer.WriteLine();
        console.Write(ResourceTree(plan));
        writer.WriteLine();
        console.Write(CapacityTable(plan));
        writer.WriteLine();
        if (plan.Pools.Any(p => p.Karpenter is not null))
        {
            console.Write(ProvisioningTable(plan));
            writer.WriteLine();
        }
        console.Write(CostTable(plan));
        writer.WriteLine();
        console.Write(SharingTable(plan));
        writer.WriteLine();
        WriteWarnings(writer, plan);
        if (plan.Diff is not null)
        {
            writer.WriteLine();
            DiffRenderer.Render(writer, plan.Diff, plan.Against ?? "");
        }
        writer.WriteLine();
        foreach (var note in plan.Notes)
        {
            writer.WriteLine(TerminalText.Safe("Note: " + note));
        }
        writer.Flush();
    }

    private static Tree ResourceTree(StackPlan plan)
    {
        var tree = new Tree(Text($"Resources ({plan.Components.Sum(c => c.Resources.Count)})"));
        foreach (var group in plan.Components)
        {
            var node = tree.AddNode(Text($"{group.Component} ({group.Resources.Count})"));
            foreach (var resource in group.Resources)
            {
                node.AddNode(Text($"{resource.Name}  {resource.Type}"));
            }
        }
        return tree;
    }

    private static Table CapacityTable(StackPlan plan)
    {
        var table = NewTable("GPU capacity (nodes and counts: min / desired / max)",
            "Pool", "Instance types", "Capacity", "GPU", "Nodes", "Physical GPUs", "Replicas", "Advertised slices", "Resource", "GiB/slice");
        foreach (var p in plan.Pools)
        {
            Row(table, p.Pool, string.Join(", ", p.InstanceTypes), p.CapacityType, $"{p.GpusPerNode} × {p.GpuModel} {p.GpuMemoryGiB} GiB",
                Formats.Counts(p.Nodes), Formats.Counts(p.PhysicalGpus), p.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Counts(p.AdvertisedSlices), p.ResourceName, Formats.Number(p.NominalGpuMemoryGiBPerSlice));
        }
        Row(table, "Total", "", "", "", "", Formats.Counts(plan.Totals.PhysicalGpus), "", Formats.Counts(plan.Totals.AdvertisedSlices), "", "");
        return table;
    }

    private static Table CostTable(StackPlan plan)
    {
        var table = NewTable("Cost (USD)", "Item", "Detail", "$/hour desired", "$/month desired", "$/hour max", "$/month max", "$/slice-hour");
        foreach (var p in plan.Pools)
        {
            Row(table, $"pool {p.Pool}", $"{NodesDetail(p)} × {p.PricedInstanceType} at {Formats.Hourly(p.UsdPerNodeHour)}",
                Formats.Hourly(p.AtDesired.Hourly), Formats.Monthly(p.AtDesired.Monthly), Formats.Hourly(p.AtMax.Hourly), Formats.Monthly(p.AtMax.Monthly),
                p.UsdPerSliceHour is { } perSlice ? Formats.Hourly(perSlice) : "-");
        }
        foreach (var line in plan.FixedCosts)
        {
            Row(table, line.Item, line.Detail, Formats.Hourly(line.AtDesired.Hourly), Formats.Monthly(line.AtDesired.Monthly),
                Formats.Hourly(line.AtMax.Hourly), Formats.Monthly(line.AtMax.Monthly), "");
        }
        Row(table, "Total", "", Formats.Hourly(plan.Totals.AtDesired.Hourly), Formats.Monthly(plan.Totals.AtDesired.Monthly),
            Formats.Hourly(plan.Totals.AtMax.Hourly), Formats.Monthly(plan.Totals.AtMax.Monthly), "");
        return table;
    }

    // Who adds each pool's nodes: the node group's own sizes and what Karpenter may add on top.
    private static Table ProvisioningTable(StackPlan plan)
    {
        var table = NewTable("Provisioning (Karpenter nodes come on demand: 0 at rest, up to the node limit)",
            "Pool", "Provisioner", "Karpenter mode", "Node group nodes", "Karpenter max nodes", "Karpenter GPUs/slices max", "Pods request", "Karpenter $/hour max");
        foreach (var p in plan.Pools)
        {
            var k = p.Karpenter;
            Row(table, p.Pool, p.Provisioner, k?.Mode ?? "-", p.ManagedNodeGroup is { } g ? Formats.Counts(g) : "-",
                k is null ? "-" : k.MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                k is null ? "-" : $"{k.PhysicalGpusAtMax} / {k.AdvertisedSlicesAtMax}",
                k?.PodResource ?? p.ResourceName, k is null ? "-" : Formats.Hourly(k.AtMax.Hourly));
        }
        return table;
    }

    // A Karpenter pool has no desired size: its nodes come on demand, up to its node limit.
    private static string NodesDetail(PoolPlan p) => (p.ManagedNodeGroup, p.Karpenter) switch
    {
        (null, { } k) => $"0 at rest, on demand (max {k.MaxNodes})",
        ({ } g, { } k) => $"{g.Desired} (max {g.Max} + Karpenter {k.MaxNodes})",
        _ => $"{p.Nodes.Desired} (max {p.Nodes.Max})",
    };

    private static Table SharingTable(StackPlan plan)
    {
        var table = NewTable("Without sharing (the slices at desired size as whole GPUs)",
            "Pool", "Slices", "GPUs needed", "$/GPU-hour", "$/hour without", "$/hour with", "Saved $/hour", "Saved $/month");
        foreach (var p in plan.Pools)
        {
            var w = p.WithoutSharing;
            Row(table, p.Pool, w.Slices.ToString(System.Globalization.CultureInfo.InvariantCulture), w.GpusNeeded.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Hourly(w.UsdPerGpuHour), Formats.Hourly(w.Cost.Hourly), Formats.Hourly(p.AtDesired.Hourly), Formats.Hourly(w.Saved.Hourly), Formats.Monthly(w.Saved.Monthly));
        }
        var t = plan.Totals;
        Row(table, "Total", "", "", "", Formats.Hourly(t.WithoutSharing.Hourly), Formats.Hourly(t.GpuPools.Hourly), Formats.Hourly(t.SavedBySharing.Hourly), Formats.Monthly(t.SavedBySharing.Monthly));
        return table;
    }

    private static void WriteWarnings(TextWriter writer, StackPlan plan)
    {
        writer.WriteLine(plan.Warnings.Count == 0 ? "Warnings: none" : $"Warnings ({plan.Warnings.Count}):");
        foreach (var warning in plan.Warnings)
        {
            writer.WriteLine(TerminalText.Safe($"  ! [{warning.Code}] {warning.Message}" + (warning.KeyPath is null ? "" : $" ({warning.KeyPath})")));
        }
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(TerminalText.Safe(title))), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Text(column)));
        }
        return table;
    }

    private static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)Text(c)).ToArray());

    // Every cell and tree node goes through here: names and values come from the program.
    private static Text Text(string value) => new(TerminalText.Safe(value));
}
