using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:ec2:Tag</c>: one tag on an EC2 resource created elsewhere.</summary>
internal sealed class Ec2Tag(PulumiProgram program, string name, Ec2TagArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:ec2:Tag", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="Ec2Tag"/>.</summary>
internal sealed record Ec2TagArgs
{
    /// <summary>The tagged resource's id.</summary>
    public required Input<string> ResourceId { get; init; }

    /// <summary>Tag key.</summary>
    public required Input<string> Key { get; init; }

    /// <summary>Tag value.</summary>
    public required Input<string> Value { get; init; }
}
