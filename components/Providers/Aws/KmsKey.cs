using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:kms:Key</c>.</summary>
internal sealed class KmsKey(PulumiProgram program, string name, KmsKeyArgs args, ResourceOptions? options = null)
    : AwsResource(program, name, "aws:kms:Key", args, options);

/// <summary>Inputs of <see cref="KmsKey"/>.</summary>
internal sealed record KmsKeyArgs
{
    /// <summary>Human-readable description.</summary>
    public Input<string>? Description { get; init; }

    /// <summary>Automatic yearly rotation of the key material.</summary>
    public Input<bool>? EnableKeyRotation { get; init; }

    /// <summary>Waiting period before deletion, 7–30 days.</summary>
    public Input<int>? DeletionWindowInDays { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
