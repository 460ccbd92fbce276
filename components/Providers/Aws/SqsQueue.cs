using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:sqs:Queue</c>.</summary>
internal sealed class SqsQueue(PulumiProgram program, string name, SqsQueueArgs args, ResourceOptions? options = null)
    : AwsResource(program, name, "aws:sqs:Queue", args, options)
{
    /// <summary>The queue name.</summary>
    public Output<string> QueueName => Output<string>("name");

    /// <summary>The queue URL.</summary>
    public Output<string> Url => Output<string>("url");
}

/// <summary>Inputs of <see cref="SqsQueue"/>.</summary>
internal sealed record SqsQueueArgs
{
    /// <summary>The queue name. Default: generated.</summary>
    public Input<string>? Name { get; init; }

    /// <summary>Retention in seconds, 60–1209600.</summary>
    public Input<int>? MessageRetentionSeconds { get; init; }

    /// <summary>SQS-managed server-side encryption.</summary>
    public Input<bool>? SqsManagedSseEnabled { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
