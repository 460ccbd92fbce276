using GpuSlicingInfra.Components.Cost;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.Review.Plan;

/// <summary>What plan warnings look at: the settings, the emitted program, the computed pools and the prices.</summary>
/// <param name="Settings">Validated stack settings.</param>
/// <param name="Program">The compiled program.</param>
/// <param name="Pools">Pool plans.</param>
/// <param name="Prices">The price source the plan used.</param>
/// <param name="Today">The day (UTC) the plan is for: support phases and their prices depend on it.</param>
public sealed record PlanContext(StackSettings Settings, ProgramSnapshot Program, IReadOnlyList<PoolPlan> Pools, IPriceSource Prices, DateOnly Today);
