namespace GpuSlicingInfra.Cli.Output;

/// <summary>The page's only style sheet, inline: the plan is read offline, so nothing is fetched (system fonts only).</summary>
internal static class PlanHtmlStyle
{
    /// <summary>The slice cells' fill; the browser test looks for it in the screenshot.</summary>
    public const string SliceFill = "#3b82f6";

    /// <summary>The MIG partitions' fill.</summary>
    public const string MigFill = "#8b5cf6";

    public const string Css = """
        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px; color: #1f2937; background: #ffffff; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
        .subtitle { color: #6b7280; margin: 0 0 16px; }
        .cluster { border: 2px solid #374151; border-radius: 10px; padding: 12px 16px; }
        .cluster > .label { font-weight: 600; margin-bottom: 8px; }
        .pools { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        .pool { border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 12px; background: #f9fafb; max-width: 430px; }
        .pool h3 { font-size: 15px; margin: 0 0 2px; }
        .pool p { margin: 0 0 6px; color: #4b5563; }
        table { border-collapse: collapse; margin: 4px 0 8px; }
        th, td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f4f6; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: 600; }
        ul.warnings li { margin-bottom: 4px; }
        code { background: #f3f4f6; padding: 0 3px; border-radius: 3px; }
        .notes { color: #4b5563; }
        """;
}
