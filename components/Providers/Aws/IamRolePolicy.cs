using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:iam:RolePolicy</c>: an inline policy, owned by one role.</summary>
internal sealed class IamRolePolicy(PulumiProgram program, string name, IamRolePolicyArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:iam:RolePolicy", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="IamRolePolicy"/>.</summary>
internal sealed record IamRolePolicyArgs
{
    /// <summary>The role name.</summary>
    public required Input<string> Role { get; init; }

    /// <summary>The policy document as a JSON string (use <c>fn::toJSON</c>).</summary>
    public required Input<string> Policy { get; init; }

    /// <summary>The policy name. Default: generated.</summary>
    public Input<string>? Name { get; init; }
}
