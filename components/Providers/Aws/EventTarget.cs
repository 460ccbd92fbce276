using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:cloudwatch:EventTarget</c>.</summary>
internal sealed class EventTarget(PulumiProgram program, string name, EventTargetArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:cloudwatch:EventTarget", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="EventTarget"/>.</summary>
internal sealed record EventTargetArgs
{
    /// <summary>The rule name.</summary>
    public required Input<string> Rule { get; init; }

    /// <summary>The target ARN.</summary>
    public required Input<string> Arn { get; init; }
}
