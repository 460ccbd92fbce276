using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:cloudwatch:EventRule</c> (EventBridge).</summary>
internal sealed class EventRule(PulumiProgram program, string name, EventRuleArgs args, ResourceOptions? options = null)
    : AwsResource(program, name, "aws:cloudwatch:EventRule", args, options)
{
    /// <summary>The rule name.</summary>
    public Output<string> RuleName => Output<string>("name");
}

/// <summary>Inputs of <see cref="EventRule"/>.</summary>
internal sealed record EventRuleArgs
{
    /// <summary>Description.</summary>
    public Input<string>? Description { get; init; }

    /// <summary>The event pattern as a JSON string.</summary>
    public required Input<string> EventPattern { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
