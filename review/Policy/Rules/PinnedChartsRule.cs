using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Review.Policy.Rules;

/// <summary>
/// GSI010: every Helm release (the device plugin and Karpenter) pins an exact chart version, so a deployment
/// never picks up an unreviewed chart (ARCHITECTURE invariants). The finding names the setting of the release's chart.
/// </summary>
public sealed partial class PinnedChartsRule : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "GSI010";

    /// <inheritdoc />
    public override string Title => "Helm chart versions pinned to an exact version";

    /// <inheritdoc />
    public override IEnumerable<PolicyFinding> Check(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var release in context.Program.OfType("kubernetes:helm.sh/v3:Release"))
        {
            var version = release.Text("version");
            if (version is null || !ExactVersion().IsMatch(version))
            {
                yield return Error($"Helm release '{release.Name}' (chart {release.Text("chart")}) does not pin an exact chart version (version: {version ?? "unset"}).",
                    context.KeyPath(IsKarpenter(release) ? "Karpenter.ChartVersion" : "DevicePlugin.ChartVersion", release.Name), release.Name);
            }
        }
    }

    private static bool IsKarpenter(ProgramResource release) =>
        (release.Text("chart") ?? "").EndsWith("/karpenter", StringComparison.Ordinal) || release.Text("name") == "karpenter";

    [GeneratedRegex(@"\A[0-9]+\.[0-9]+\.[0-9]+\z")]
    private static partial Regex ExactVersion();
}
