namespace GpuSlicingInfra.Components.Gpu;

/// <summary>The CPU architecture of an instance type, as Kubernetes names it in <c>kubernetes.io/arch</c>.</summary>
public enum CpuArchitecture
{
    /// <summary>x86-64 (<c>amd64</c>): the AL2023 x86_64 NVIDIA AMI.</summary>
    Amd64,

    /// <summary>Graviton (<c>arm64</c>): the AL2023 ARM_64 NVIDIA AMI.</summary>
    Arm64,
}

/// <summary>Names of <see cref="CpuArchitecture"/> values in Kubernetes and EKS.</summary>
public static class CpuArchitectures
{
    /// <summary>The <c>kubernetes.io/arch</c> label value.</summary>
    public static string Label(this CpuArchitecture architecture) => architecture == CpuArchitecture.Arm64 ? "arm64" : "amd64";

    /// <summary>
    /// The EKS managed node group AMI type with the NVIDIA driver and container toolkit (not the device plugin,
    /// which Helm installs): <c>AL2023_x86_64_NVIDIA</c> or <c>AL2023_ARM_64_NVIDIA</c> (EKS API AMI types).
    /// </summary>
    public static string NvidiaAmiType(this CpuArchitecture architecture) =>
        architecture == CpuArchitecture.Arm64 ? "AL2023_ARM_64_NVIDIA" : "AL2023_x86_64_NVIDIA";
}
