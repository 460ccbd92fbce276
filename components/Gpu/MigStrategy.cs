namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// How the device plugin advertises MIG devices (its <c>flags.migStrategy</c>, api/config/v1/flags.go;
/// naming in internal/lm/mig-strategy.go of NVIDIA/k8s-device-plugin).
/// </summary>
public enum MigStrategy
{
    /// <summary>Config spelling <c>single</c>: every MIG device is advertised as <c>nvidia.com/gpu</c>, so all devices of a node must be of one profile.</summary>
    Uniform,

    /// <summary>Config spelling <c>mixed</c>: each MIG profile is its own resource, <c>nvidia.com/mig-&lt;profile&gt;</c>.</summary>
    Mixed,
}
