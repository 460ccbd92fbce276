using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:eks:PodIdentityAssociation</c>.</summary>
internal sealed class EksPodIdentityAssociation(PulumiProgram program, string name, EksPodIdentityAssociationArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:eks:PodIdentityAssociation", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="EksPodIdentityAssociation"/>.</summary>
internal sealed record EksPodIdentityAssociationArgs
{
    /// <summary>The cluster name.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>The service account's namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>The service account name.</summary>
    public required Input<string> ServiceAccount { get; init; }

    /// <summary>The role the pods assume.</summary>
    public required Input<string> RoleArn { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
