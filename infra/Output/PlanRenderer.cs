using GpuSlicingInfra.Review.Plan;
using Spectre.Console;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>The text form of a plan: resource tree, capacity, cost, sharing comparison, warnings.</summary>
internal static class PlanRenderer
{
    // Tables go through Spectre when they fit; everything else is written as lines wrapped at spaces. The table
    // builders are shared with the HTML page (PlanHtml), so both show the same figures.
    /// <param name="writer">Where the report goes.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="subject">What the title names: <c>stack NAME</c> or <c>program FILE</c>.</param>
    /// <param name="width">Columns the tables fit in; see <see cref="ReportConsole.Width"/>.</param>
    public static void Render(TextWriter writer, StackPlan plan, string subject, int? width)
    {
        var console = ReportConsole.Create(writer, width);
        var columns = console.Profile.Width;
        writer.WriteLine(TerminalText.Safe($"Plan for {subject} (environment {plan.Environment}, region {plan.Region ?? "not set"})"));
        writer.WriteLine();
        WriteResourceTree(writer, plan, columns);
        writer.WriteLine();
        if (plan.ExistingCluster is { } existing)
        {
            WriteExistingCluster(writer, existing, columns);
            writer.WriteLine();
        }
        ReportTable.Write(console, writer, columns, CapacityTable(plan));
        writer.WriteLine();
        if (plan.Pools.Any(p => p.Karpenter is not null))
        {
            ReportTable.Write(console, writer, columns, ProvisioningTable(plan));
            writer.WriteLine();
        }
        ReportTable.Write(console, writer, columns, CostTable(plan));
        writer.WriteLine();
        ReportTable.Write(console, writer, columns, SharingTable(plan));
        writer.WriteLine();
        if (plan.Tenants.Count > 0)
        {
            ReportTable.Write(console, writer, columns, TenantTable(plan));
            writer.WriteLine();
        }
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

    // What joining an existing cluster adds (the resources, counted by type) and what it takes for granted.
    private static void WriteExistingCluster(TextWriter writer, ExistingClusterPlan existing, int columns)
    {
        writer.WriteLine(TerminalText.Safe($"Existing cluster {existing.Name}: nothing of it is created, modified or imported"));
        writer.WriteLine($"  Added ({existing.Added.Count})");
        foreach (var line in existing.Added.GroupBy(r => r.Type, StringComparer.Ordinal)
            .SelectMany(g => WordWrap.Lines(TerminalText.Safe($"{g.Count()} × {g.Key}: {string.Join(", ", g.Select(r => r.Name))}"), columns, "    ", "        ")))
        {
            writer.WriteLine(line);
        }
        writer.WriteLine($"  Assumed ({existing.Assumed.Count})");
        foreach (var line in existing.Assumed.SelectMany(a => WordWrap.Lines(TerminalText.Safe(a), columns, "    - ", "      ")))
        {
            writer.WriteLine(line);
        }
    }

    // Under MIG, the devices each GPU is partitioned into and what one node then holds.
    private static string Sharing(PoolPlan pool) => pool.MigDevicesPerGpu.Count == 0 ? pool.Strategy
        : $"mig: {string.Join(" + ", pool.MigDevicesPerGpu.Select(d => $"{d.Value} × {d.Key}"))} per GPU, {pool.MigDevicesPerGpu.Values.Sum() * pool.GpusPerNode} per node";

    internal static ReportTable CapacityTable(StackPlan plan)
    {
        var rows = plan.Pools.Select(p => new[]
        {
            p.Pool, string.Join(", ", p.InstanceTypes), p.CapacityType, $"{p.GpusPerNode} × {p.GpuModel} {p.GpuMemoryGiB} GiB",
            Formats.Counts(p.Nodes), Formats.Counts(p.PhysicalGpus), Sharing(p), p.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Formats.Counts(p.AdvertisedSlices), PerNode(p), p.ResourceName, Formats.Number(p.NominalGpuMemoryGiBPerSlice),
        }).Append(["Total", "", "", "", "", Formats.Counts(plan.Totals.PhysicalGpus), "", "", Formats.Counts(plan.Totals.AdvertisedSlices), "", "", ""]);
        return new ReportTable("GPU capacity (nodes and counts: min / desired / max)",
            ["Pool", "Instance types", "Capacity", "GPU", "Nodes", "Physical GPUs", "Sharing", "Replicas", "Advertised slices", "Slices / max pods per node", "Resource", "GiB/slice"], rows);
    }

    // Slices a node advertises beside the pods it takes (VPC CNI limit, DaemonSets included); '?' outside the catalog.
    private static string PerNode(PoolPlan pool) =>
        $"{pool.SlicesPerNode.ToString(System.Globalization.CultureInfo.InvariantCulture)} / {pool.MaxPodsPerNode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";

    internal static ReportTable CostTable(StackPlan plan)
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
        return new ReportTable("Cost (USD)", ["Item", "Detail", "$/hour desired", "$/month desired", "$/hour max", "$/month max", "$/slice-hour"], rows);
    }

    // Who adds each pool's nodes: the node group's own sizes and what Karpenter may add on top.
    internal static ReportTable ProvisioningTable(StackPlan plan)
    {
        var rows = plan.Pools.Select(p => p.Karpenter is { } k
            ? new[]
            {
                p.Pool, p.Provisioner, k.Mode, p.ManagedNodeGroup is { } g ? Formats.Counts(g) : "-",
                k.MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{k.PhysicalGpusAtMax} / {k.AdvertisedSlicesAtMax}",
                k.PodResource, Formats.Hourly(k.AtMax.Hourly),
            }
            : [p.Pool, p.Provisioner, "-", p.ManagedNodeGroup is { } group ? Formats.Counts(group) : "-", "-", "-", p.ResourceName, "-"]);
        return new ReportTable("Provisioning (Karpenter adds nodes for pending pods: none at rest, up to the node limit)",
            ["Pool", "Provisioner", "Karpenter mode", "Node group nodes", "Karpenter max nodes", "Karpenter GPUs/slices max", "Pods request", "Karpenter $/hour max"], rows);
    }

    // A Karpenter pool has no desired size: its nodes come on demand, up to its node limit.
    private static string NodesDetail(PoolPlan p) => (p.ManagedNodeGroup, p.Karpenter) switch
    {
        (null, { } k) => $"0 at rest, added for pending pods (max {k.MaxNodes})",
        ({ } g, { } k) => $"{g.Desired} (max {g.Max} + Karpenter {k.MaxNodes})",
        _ => $"{p.Nodes.Desired} (max {p.Nodes.Max})",
    };

    internal static ReportTable SharingTable(StackPlan plan)
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
        return new ReportTable("Without sharing (each slice as a whole GPU; pools with a node group at desired size, Karpenter-only pools at their node limit)",
            ["Pool", "At", "Slices", "GPUs needed", "$/GPU-hour", "$/hour without", "$/hour with", "Saved $/hour", "Saved $/month"], rows);
    }

    // One row per quota resource; a tenant without a quota still shows its pools.
    internal static ReportTable TenantTable(StackPlan plan)
    {
        var rows = plan.Tenants.SelectMany(t => (t.Slices.Count == 0 ? [new TenantSlices("-", 0, 0)] : t.Slices).Select((s, i) => i > 0
            ? new[] { "", "", "", s.Resource, Slices(s), "", "" }
            : [t.Tenant, t.Namespace, string.Join(", ", t.Pools), s.Resource, Slices(s), Formats.Monthly(t.CostAtMax.Monthly),
                (t.ShareOfGpuCostAtMax * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%"]));
        return new ReportTable("Tenants (slices: quota / what the pools advertise at max size; cost at max size)",
            ["Tenant", "Namespace", "Pools", "Resource", "Slices", "$/month max", "Share"], rows);

        static string Slices(TenantSlices s) => s.Resource == "-" ? "no quota"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Promised} / {s.OfferedAtMax}{(s.Promised > s.OfferedAtMax ? " (over)" : "")}");
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
}
