using System.Text;
using GpuSlicingInfra.Review.Plan;
using static GpuSlicingInfra.Cli.Output.PlanHtmlText;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>
/// The plan as one self-contained HTML page: the cluster with each pool's node, GPUs and slices drawn, then the same
/// tables as the text report (<see cref="PlanRenderer"/>), the warnings and the notes. Inline CSS and SVG, no script,
/// nothing fetched; every string from the plan is encoded; the same plan gives the same bytes.
/// </summary>
internal static class PlanHtml
{
    /// <param name="plan">The plan.</param>
    /// <param name="subject">What the title names: <c>stack NAME</c> or <c>program FILE</c>.</param>
    public static string Render(StackPlan plan, string subject)
    {
        var html = new StringBuilder();
        var title = $"Plan for {subject}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // No network: a policy that allows inline style and images only, so the page cannot fetch anything.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{Encode(title)}</title>\n<style>\n{PlanHtmlStyle.Css}\n</style>\n</head>\n<body>\n");
        html.Append($"<h1>{Encode(title)}</h1>\n");
        html.Append($"<p class=\"subtitle\">environment {Encode(plan.Environment)}, region {Encode(plan.Region ?? "not set")} · "
            + $"physical GPUs {Encode(Formats.Counts(plan.Totals.PhysicalGpus))}, slices {Encode(Formats.Counts(plan.Totals.AdvertisedSlices))} (min / desired / max) · "
            + $"{Encode(Formats.Monthly(plan.Totals.AtDesired.Monthly))}/month at desired size</p>\n");
        WriteCluster(html, plan);
        WriteTable(html, PlanRenderer.CapacityTable(plan));
        if (plan.Pools.Any(p => p.Karpenter is not null))
        {
            WriteTable(html, PlanRenderer.ProvisioningTable(plan));
        }
        WriteTable(html, PlanRenderer.CostTable(plan));
        WriteTable(html, PlanRenderer.SharingTable(plan));
        if (plan.Tenants.Count > 0)
        {
            WriteTable(html, PlanRenderer.TenantTable(plan));
        }
        WriteWarnings(html, plan);
        if (plan.Diff is not null)
        {
            // The text report's diff as it is: one line per change, which a <pre> keeps.
            var diff = new StringWriter { NewLine = "\n" };
            DiffRenderer.Render(diff, plan.Diff, plan.Against ?? "");
            html.Append($"<h2>Changes</h2>\n<pre>{Encode(diff.ToString())}</pre>\n");
        }
        WriteResources(html, plan);
        html.Append("<h2>Notes</h2>\n<ul class=\"notes\">\n");
        foreach (var note in plan.Notes)
        {
            html.Append($"<li>{Encode(note)}</li>\n");
        }
        html.Append("</ul>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteCluster(StringBuilder html, StackPlan plan)
    {
        html.Append("<h2>Cluster</h2>\n<div class=\"cluster\">\n");
        var system = plan.FixedCosts.FirstOrDefault(c => c.Item == "systemNodes");
        var cluster = plan.ExistingCluster is { } existing ? $"existing EKS cluster {existing.Name} (stack {plan.Stack})" : $"EKS cluster of stack {plan.Stack}";
        html.Append($"<div class=\"label\">{Encode(cluster)}{(system is null ? "" : $" · system nodes {Encode(system.Detail)}")}</div>\n");
        html.Append("<div class=\"pools\">\n");
        foreach (var pool in plan.Pools)
        {
            html.Append($"<section class=\"pool\" id=\"pool-{Encode(pool.Pool)}\">\n<h3>pool {Encode(pool.Pool)}</h3>\n");
            html.Append($"<p>{Encode(pool.Provisioner)}{(pool.KarpenterMode is { } mode ? $" ({Encode(mode)})" : "")} · profile {Encode(pool.Profile)} ({Encode(pool.Strategy)}) · "
                + $"nodes {Encode(Formats.Counts(pool.Nodes))} · pods request <code>{Encode(pool.ResourceName)}</code></p>\n");
            PlanHtmlPoolDrawing.Write(html, pool);
            html.Append("</section>\n");
        }
        html.Append("</div>\n</div>\n");
        if (plan.ExistingCluster is { } joined)
        {
            // What the text plan lists: a reviewer of the page sees what is added to the cluster and what is taken on trust.
            html.Append($"<h2>Existing cluster {Encode(joined.Name)}: nothing of it is created, modified or imported</h2>\n");
            html.Append($"<h3>Added ({joined.Added.Count})</h3>\n<ul>\n");
            foreach (var group in joined.Added.GroupBy(r => r.Type, StringComparer.Ordinal))
            {
                html.Append($"<li>{group.Count()} × <code>{Encode(group.Key)}</code>: {Encode(string.Join(", ", group.Select(r => r.Name)))}</li>\n");
            }
            html.Append($"</ul>\n<h3>Assumed ({joined.Assumed.Count})</h3>\n<ul>\n");
            foreach (var assumption in joined.Assumed)
            {
                html.Append($"<li>{Encode(assumption)}</li>\n");
            }
            html.Append("</ul>\n");
        }
    }

    private static void WriteTable(StringBuilder html, ReportTable table)
    {
        html.Append($"<h2>{Encode(table.Title)}</h2>\n<table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append($"<th>{Encode(column)}</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append(row.Length > 0 && row[0] == "Total" ? "<tr class=\"total\">" : "<tr>");
            foreach (var cell in row)
            {
                html.Append(IsNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(Encode(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    // Amounts and counts align right; anything with a letter in it reads as text.
    private static bool IsNumeric(string cell) => cell.Length > 0 && !cell.Any(char.IsLetter);

    private static void WriteWarnings(StringBuilder html, StackPlan plan)
    {
        html.Append($"<h2>Warnings ({Number(plan.Warnings.Count)})</h2>\n");
        if (plan.Warnings.Count == 0)
        {
            html.Append("<p>none</p>\n");
            return;
        }
        html.Append("<ul class=\"warnings\">\n");
        foreach (var warning in plan.Warnings)
        {
            html.Append($"<li><code>{Encode(warning.Code)}</code> {Encode(warning.Message)}{(warning.KeyPath is null ? "" : $" (<code>{Encode(warning.KeyPath)}</code>)")}</li>\n");
        }
        html.Append("</ul>\n");
    }

    // The resource tree folded away: long, and the tables above say what matters first.
    private static void WriteResources(StringBuilder html, StackPlan plan)
    {
        html.Append($"<h2>Resources ({Number(plan.Components.Sum(c => c.Resources.Count))})</h2>\n");
        foreach (var group in plan.Components)
        {
            html.Append($"<details><summary>{Encode(group.Component)} ({Number(group.Resources.Count)})</summary>\n<ul>\n");
            foreach (var resource in group.Resources)
            {
                html.Append($"<li><code>{Encode(resource.Name)}</code> {Encode(resource.Type)}</li>\n");
            }
            html.Append("</ul>\n</details>\n");
        }
    }
}
