using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:iam:Policy</c>: a customer-managed policy, attached to roles separately.</summary>
internal sealed class IamPolicy(PulumiProgram program, string name, IamPolicyArgs args, ResourceOptions? options = null)
    : AwsResource(program, name, "aws:iam:Policy", args, options);

/// <summary>Inputs of <see cref="IamPolicy"/>.</summary>
internal sealed record IamPolicyArgs
{
    /// <summary>The policy document as a JSON string (use <c>fn::toJSON</c>).</summary>
    public required Input<string> Policy { get; init; }

    /// <summary>Description (immutable: a change replaces the policy).</summary>
    public Input<string>? Description { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
