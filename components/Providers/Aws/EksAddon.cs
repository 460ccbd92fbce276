using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:eks:Addon</c>.</summary>
internal sealed class EksAddon(PulumiProgram program, string name, EksAddonArgs args, ResourceOptions? options = null)
    : AwsResource(program, name, "aws:eks:Addon", args, options);

/// <summary>Inputs of <see cref="EksAddon"/>.</summary>
internal sealed record EksAddonArgs
{
    /// <summary>The cluster name.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>The add-on name, e.g. <c>eks-pod-identity-agent</c>.</summary>
    public required Input<string> AddonName { get; init; }

    /// <summary>The add-on version. Default: the cluster version's default.</summary>
    public Input<string>? AddonVersion { get; init; }

    /// <summary>Conflict resolution on create, e.g. <c>OVERWRITE</c>.</summary>
    public Input<string>? ResolveConflictsOnCreate { get; init; }

    /// <summary>Conflict resolution on update, e.g. <c>PRESERVE</c>.</summary>
    public Input<string>? ResolveConflictsOnUpdate { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
