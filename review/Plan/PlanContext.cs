using GpuSlicingInfra.Review.Cost;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>What plan warnings look at: the program, its review context, the computed pools and the prices.</summary>
/// <param name="Program">The program under review.</param>
/// <param name="Context">What the program cannot tell (environment, config keys, price overrides).</param>
/// <param name="Pools">Pool plans.</param>
/// <param name="Prices">The price source the plan used.</param>
/// <param name="Today">The day (UTC) the plan is for: support phases and their prices depend on it.</param>
public sealed record PlanContext(ProgramSnapshot Program, ReviewContext Context, IReadOnlyList<PoolPlan> Pools, IPriceSource Prices, DateOnly Today);
