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

    // The keys of a controller this stack installs, which an existing Karpenter's stack must leave out.
    private static readonly string[] ControllerKeys = ["chartVersion", "namespace", "replicas", "identity"];

    private static readonly string[] ExistingOnlyKeys = ["existingVersion", "existingNodeRole"];

    public static KarpenterOptions Bind(SettingsObject? section, string environment)
    {
        // Two controllers (leader + standby) where an outage matters; one keeps dev's system nodes free.
        var defaults = new KarpenterOptions { Replicas = environment == "prod" ? 2 : 1 };
        if (section is null)
        {
            return defaults;
        }
        var existing = section.Bool("existing", defaults.Existing);
        var args = new KarpenterOptions
        {
            // An existing Karpenter is on by definition.
            Enabled = section.Bool("enabled", existing),
            Existing = existing,
            ExistingVersion = section.StringOrNull("existingVersion"),
            ExistingNodeRole = section.StringOrNull("existingNodeRole"),
            ChartVersion = section.Text("chartVersion", defaults.ChartVersion),
            Namespace = section.Text("namespace", defaults.Namespace),
            Replicas = section.WholeNumber("replicas", defaults.Replicas, 0, 100),
            Identity = section.Choice("identity", defaults.Identity, Identities),
            AmiAlias = section.Text("amiAlias", defaults.AmiAlias),
        };
        section.Finish();
        if (!existing)
        {
            foreach (var key in ExistingOnlyKeys.Where(section.Has))
            {
                section.Problem(key, $"applies only with {section.PathOf("existing")}: true.");
            }
            return args;
        }
        if (!args.Enabled)
        {
            section.Problem("enabled", $"cannot be false with {section.PathOf("existing")}: true (an existing Karpenter provisions the pools).");
        }
        // Settings of a controller this stack would install; the running one keeps its own.
        foreach (var key in ControllerKeys.Where(section.Has))
        {
            section.Problem(key, $"cannot be combined with {section.PathOf("existing")}: it configures a Karpenter this stack would install, and the existing one is left as it is.");
        }
        return defaults with
        {
            Enabled = true,
            Existing = true,
            ExistingVersion = args.ExistingVersion,
            ExistingNodeRole = args.ExistingNodeRole,
            AmiAlias = args.AmiAlias,
        };
    }
}
