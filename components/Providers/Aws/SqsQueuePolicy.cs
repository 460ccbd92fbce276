using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:sqs:QueuePolicy</c>.</summary>
internal sealed class SqsQueuePolicy(PulumiProgram program, string name, SqsQueuePolicyArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:sqs:QueuePolicy", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="SqsQueuePolicy"/>.</summary>
internal sealed record SqsQueuePolicyArgs
{
    /// <summary>The queue URL.</summary>
    public required Input<string> QueueUrl { get; init; }

    /// <summary>The policy document as a JSON string.</summary>
    public required Input<string> Policy { get; init; }
}
