using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>Binds <c>karpenter</c> to <see cref="KarpenterOptions"/>.</summary>
internal static class KarpenterBinder
{
    private static readonly Dictionary<string, KarpenterIdentity> Identities = new(StringComparer.Ordinal)
    {
        ["podIdentity"] = KarpenterIdentity.PodIdentity,
        ["irsa"] = KarpenterIdentity.Irsa,
    };

    public static KarpenterOptions Bind(SettingsObject? section, string environment)
    {
        // Two controllers (leader + standby) where an outage matters; one keeps dev's system nodes free.
        var defaults = new KarpenterOptions { Replicas = environment == "prod" ? 2 : 1 };
        if (section is null)
        {
            return defaults;
        }
        var args = new KarpenterOptions
        {
            Enabled = section.Bool("enabled", defaults.Enabled),
            ChartVersion = section.Text("chartVersion", defaults.ChartVersion),
            Namespace = section.Text("namespace", defaults.Namespace),
            Replicas = section.WholeNumber("replicas", defaults.Replicas, 0, 100),
            Identity = section.Choice("identity", defaults.Identity, Identities),
            AmiAlias = section.Text("amiAlias", defaults.AmiAlias),
        };
        section.Finish();
        return args;
    }
}
