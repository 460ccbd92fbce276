using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary>A resource of the <c>aws</c> package, pinned to <see cref="ProviderVersions.Aws"/>.</summary>
internal abstract class AwsResource(PulumiProgram program, string name, string type, object args, ResourceOptions? options)
    : Resource(program, name, type, args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;

    /// <summary>The ARN output (every AWS resource type this product uses has one, except where noted).</summary>
    public Output<string> Arn => Output<string>("arn");
}
