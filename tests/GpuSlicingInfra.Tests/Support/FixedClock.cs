namespace GpuSlicingInfra.Tests.Support;

/// <summary>The day tests run "on": the plan's Kubernetes support phase and price depend on the date.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static DateOnly Today { get; } = new(2026, 11, 29);

    public static FixedClock Instance { get; } = new(new DateTimeOffset(Today, new TimeOnly(12, 0), TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
