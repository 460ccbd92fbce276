namespace GpuSlicingInfra.Components.Program;

/// <summary>Operation timeouts as Go duration strings (e.g. <c>45m</c>). A null member keeps the provider's default.</summary>
/// <param name="Create">Create timeout.</param>
/// <param name="Update">Update timeout.</param>
/// <param name="Delete">Delete timeout.</param>
public sealed record CustomTimeouts(string? Create = null, string? Update = null, string? Delete = null);
