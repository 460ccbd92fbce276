using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:iam:ServiceLinkedRole</c>: the role an AWS service assumes in this account (one per service, account-wide).</summary>
internal sealed class IamServiceLinkedRole(PulumiProgram program, string name, IamServiceLinkedRoleArgs args, ResourceOptions? options = null)
    : AwsResource(program, name, "aws:iam:ServiceLinkedRole", args, options);

/// <summary>Inputs of <see cref="IamServiceLinkedRole"/>.</summary>
internal sealed record IamServiceLinkedRoleArgs
{
    /// <summary>The service that assumes the role, e.g. <c>spot.amazonaws.com</c> (immutable).</summary>
    public required Input<string> AwsServiceName { get; init; }

    /// <summary>Description.</summary>
    public Input<string>? Description { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
