using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:eks:AccessEntry</c>.</summary>
internal sealed class EksAccessEntry(PulumiProgram program, string name, EksAccessEntryArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:eks:AccessEntry", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="EksAccessEntry"/>.</summary>
internal sealed record EksAccessEntryArgs
{
    /// <summary>The cluster name.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>The IAM principal.</summary>
    public required Input<string> PrincipalArn { get; init; }

    /// <summary><c>STANDARD</c>, <c>EC2_LINUX</c>, … Default: <c>STANDARD</c>.</summary>
    public Input<string>? Type { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
