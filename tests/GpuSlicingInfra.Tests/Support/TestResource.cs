using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>A resource with no inputs, for tests of the program model itself.</summary>
internal sealed class TestResource(PulumiProgram program, string name)
    : Resource(program, name, "test:index:Thing", new MapExpr([]), null);
