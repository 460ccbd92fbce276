using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Random;

/// <summary><c>random:RandomString</c>: a value generated once and kept in state.</summary>
internal sealed class RandomString(PulumiProgram program, string name, RandomStringArgs args, ResourceOptions? options = null)
    : Resource(program, name, "random:RandomString", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Random;

    /// <summary>The generated string.</summary>
    public Output<string> Result => Output<string>("result");
}

/// <summary>Inputs of <see cref="RandomString"/>.</summary>
internal sealed record RandomStringArgs
{
    /// <summary>Length.</summary>
    public required int Length { get; init; }

    /// <summary>Include upper-case letters.</summary>
    public bool? Upper { get; init; }

    /// <summary>Include special characters.</summary>
    public bool? Special { get; init; }

    /// <summary>Include digits.</summary>
    public bool? Numeric { get; init; }
}
