using GpuSlicingInfra.Review;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// The program's NVIDIA device plugin Helm release and the DaemonSets its chart makes: the plugin named by the chart's
/// <c>nvidia-device-plugin.fullname</c> helper, GFD as that name + <c>-gpu-feature-discovery</c>
/// (NVIDIA/k8s-device-plugin v0.20.0, deployments/helm/nvidia-device-plugin/templates/_helpers.tpl and daemonset-gfd.yml).
/// </summary>
/// <param name="Namespace">The release's namespace.</param>
/// <param name="PluginDaemonSet">The device plugin DaemonSet's name.</param>
/// <param name="GfdDaemonSet">GPU Feature Discovery's DaemonSet; null when <c>gfd.enabled</c> is not true.</param>
/// <param name="MpsDaemonSet">The MPS control daemon's DaemonSet name (the chart adds it; not one of the plugins verify flags as foreign).</param>
internal sealed record DevicePluginRelease(string Namespace, string PluginDaemonSet, string? GfdDaemonSet, string MpsDaemonSet)
{
    private const string ChartName = "nvidia-device-plugin";

    /// <summary>The release of chart nvidia-device-plugin in the program; null when there is none.</summary>
    public static DevicePluginRelease? Of(ProgramSnapshot program)
    {
        var release = program.OfType("kubernetes:helm.sh/v3:Release")
            .FirstOrDefault(r => (r.Text("chart") ?? "").EndsWith(ChartName, StringComparison.Ordinal));
        if (release is null)
        {
            return null;
        }
        var name = release.Text("name") ?? release.Name;
        // The helper: fullnameOverride, else the release name when it contains the chart's name, else release-chart; 63 characters at most.
        var fullName = release.Text("values", "fullnameOverride") is { Length: > 0 } full ? full
            : name.Contains(release.Text("values", "nameOverride") is { Length: > 0 } nameOverride ? nameOverride : ChartName, StringComparison.Ordinal) ? name
            : $"{name}-{ChartName}";
        var gfd = release.Text("values", "gfd", "enabled") == "true";
        return new DevicePluginRelease(release.Text("namespace") ?? "default", Trim(fullName), gfd ? Trim($"{fullName}-gpu-feature-discovery") : null,
            Trim($"{fullName}-mps-control-daemon"));
    }

    /// <summary>Whether <paramref name="ns"/>/<paramref name="name"/> is one of this release's DaemonSets.</summary>
    public bool Owns(string? ns, string? name) => ns == Namespace && (name == PluginDaemonSet || name == GfdDaemonSet || name == MpsDaemonSet);

    // Helm's `trunc 63 | trimSuffix "-"`.
    private static string Trim(string name) => (name.Length > 63 ? name[..63] : name).TrimEnd('-');
}
