using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:iam:RolePolicyAttachment</c>.</summary>
internal sealed class IamRolePolicyAttachment(PulumiProgram program, string name, IamRolePolicyAttachmentArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:iam:RolePolicyAttachment", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="IamRolePolicyAttachment"/>.</summary>
internal sealed record IamRolePolicyAttachmentArgs
{
    /// <summary>The role name.</summary>
    public required Input<string> Role { get; init; }

    /// <summary>The managed policy ARN.</summary>
    public required Input<string> PolicyArn { get; init; }
}
