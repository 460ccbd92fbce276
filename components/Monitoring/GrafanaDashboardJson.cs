using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Components.Monitoring;

/// <summary>
/// The GPU dashboard as Grafana's dashboard JSON, built from nodes (no reflection, so Native AOT keeps it) in a fixed
/// order: the same pools give the same bytes. A note on what DCGM cannot see, then per pool a row of four panels.
/// </summary>
internal static class GrafanaDashboardJson
{
    /// <summary>The dashboard's uid: stable, so a re-deploy updates the dashboard rather than adding one.</summary>
    public const string Uid = "gpu-slicing-infra-gpus";

    /// <summary>What time-slicing hides from these panels, in the words the dashboard shows.</summary>
    public const string TimeSlicingNote =
        "**What time-slicing hides.** DCGM measures each physical GPU (or MIG device), not each pod: the pods that share "
        + "a time-sliced GPU appear with the same utilization and memory figures, the whole GPU's. Nothing here tells which "
        + "of them is busy, and no pod's memory is limited or counted apart. Slices are a scheduling count, not a share of "
        + "the GPU.\n\nThe per-pool panels need kube-state-metrics to export the pool label: "
        + "`--metric-labels-allowlist=nodes=[" + WellKnownKeys.PoolLabel + "]`.";

    private const int Width = 24;
    private const int NoteHeight = 5;
    private const int PanelHeight = 8;

    /// <summary>The dashboard, indented.</summary>
    /// <param name="pools">Each pool with the extended resources its nodes advertise, in display order.</param>
    public static string Render(IReadOnlyList<DashboardPool> pools)
    {
        var panels = new JsonArray();
        var id = 0;
        var y = 0;
        Append(panels, Text(++id, TimeSlicingNote, y));
        y += NoteHeight;
        foreach (var pool in pools)
        {
            Append(panels, Row(++id, $"Pool {pool.Name} (profile {pool.Profile})", y));
            y++;
            Append(panels, TimeSeries(++id, "Slices allocatable vs requested", "none", 0, y,
                (GrafanaQueries.Allocatable(pool.Name, pool.Resources), "allocatable {{resource}}"),
                (GrafanaQueries.Requested(pool.Name, pool.Resources), "requested {{resource}}")));
            Append(panels, pool.Mig
                ? TimeSeries(++id, "Graphics engine active per MIG device", "percentunit", Width / 2, y,
                    (GrafanaQueries.PerGpu(GrafanaQueries.EngineActive, pool.Name), "{{Hostname}} GPU {{gpu}} {{GPU_I_PROFILE}} {{GPU_I_ID}}"))
                : TimeSeries(++id, "GPU utilization per physical GPU", "percent", Width / 2, y,
                    (GrafanaQueries.PerGpu(GrafanaQueries.GpuUtil, pool.Name), "{{Hostname}} GPU {{gpu}}")));
            y += PanelHeight;
            Append(panels, TimeSeries(++id, pool.Mig ? "Framebuffer memory used per MIG device" : "Framebuffer memory used per physical GPU", "decmbytes", 0, y,
                (GrafanaQueries.PerGpu(GrafanaQueries.FramebufferUsed, pool.Name), pool.Mig ? "{{Hostname}} GPU {{gpu}} {{GPU_I_PROFILE}} {{GPU_I_ID}}" : "{{Hostname}} GPU {{gpu}}")));
            Append(panels, TimeSeries(++id, "Pods per physical GPU", "none", Width / 2, y,
                (GrafanaQueries.PodsPerGpu(pool.Name), "{{Hostname}} GPU {{gpu}}")));
            y += PanelHeight;
        }
        var dashboard = new JsonObject
        {
            ["uid"] = Uid,
            ["title"] = "GPU slicing: pools, slices and physical GPUs",
            ["tags"] = new JsonArray("gpu", "dcgm", "gpu-slicing-infra"),
            ["timezone"] = "browser",
            ["schemaVersion"] = 39,
            ["refresh"] = "1m",
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["templating"] = new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject
                {
                    ["name"] = "datasource",
                    ["label"] = "Prometheus",
                    ["type"] = "datasource",
                    ["query"] = "prometheus",
                }),
            },
            ["panels"] = panels,
        };
        // Relaxed escaping keeps PromQL's quotes and '+' readable (\" rather than \u0022); the text is a ConfigMap value, never HTML.
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            dashboard.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonObject Text(int id, string markdown, int y) => new()
    {
        ["id"] = id,
        ["type"] = "text",
        ["title"] = "Read this first",
        ["gridPos"] = GridPos(0, y, Width, NoteHeight),
        ["options"] = new JsonObject { ["mode"] = "markdown", ["content"] = markdown },
    };

    private static JsonObject Row(int id, string title, int y) => new()
    {
        ["id"] = id,
        ["type"] = "row",
        ["title"] = title,
        ["collapsed"] = false,
        ["gridPos"] = GridPos(0, y, Width, 1),
        ["panels"] = new JsonArray(),
    };

    private static JsonObject TimeSeries(int id, string title, string unit, int x, int y, params (string Expr, string Legend)[] queries)
    {
        var targets = new JsonArray();
        var refId = 'A';
        foreach (var (expr, legend) in queries)
        {
            Append(targets, new JsonObject
            {
                ["refId"] = (refId++).ToString(),
                ["datasource"] = Datasource(),
                ["expr"] = expr,
                ["legendFormat"] = legend,
            });
        }
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = "timeseries",
            ["title"] = title,
            ["datasource"] = Datasource(),
            ["gridPos"] = GridPos(x, y, Width / 2, PanelHeight),
            ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = unit }, ["overrides"] = new JsonArray() },
            ["targets"] = targets,
        };
    }

    // Typed as JsonNode so the non-generic Add is chosen: the generic one wraps values by reflection (not AOT-safe).
    private static void Append(JsonArray array, JsonNode node) => array.Add(node);

    private static JsonObject Datasource() => new() { ["type"] = "prometheus", ["uid"] = "${datasource}" };

    private static JsonObject GridPos(int x, int y, int w, int h) => new() { ["h"] = h, ["w"] = w, ["x"] = x, ["y"] = y };
}

/// <summary>A pool as the dashboard shows it.</summary>
/// <param name="Name">Pool name (a DNS label, so safe inside PromQL strings).</param>
/// <param name="Profile">Its sharing profile.</param>
/// <param name="Resources">The extended resources its nodes advertise, ordinal order.</param>
/// <param name="Mig">Its GPUs are MIG-partitioned: DCGM then measures each MIG device, and without GPU utilization.</param>
internal sealed record DashboardPool(string Name, string Profile, IReadOnlyList<string> Resources, bool Mig);
