using System.Globalization;
using System.Text;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// How a MIG pool's GPUs get partitioned: node user data (launch template of the managed node group,
/// <c>spec.userData</c> of the EC2NodeClass) installs a systemd unit that, on every boot, enables MIG mode
/// and creates the layout's GPU and compute instances with <c>nvidia-smi</c>, ordered before the node joins.
/// <para>
/// Ordering, from awslabs/amazon-eks-ami (templates/al2023/runtime): <c>nodeadm-run.service</c>, which starts
/// kubelet, runs <c>After=nodeadm-config.service cloud-final.service</c>, so the user-data script (cloud-final)
/// finishes first and the unit, started by it and ordered <c>Before=nodeadm-run.service kubelet.service</c>,
/// has partitioned the GPUs before kubelet and the device plugin see them; on later boots (instances are not
/// partitioned across reboots) the unit's own ordering keeps that. It runs after
/// <c>nvidia-kmod-load.service</c>, which loads the driver. The user data is MIME multipart: EKS merges it
/// with its own nodeadm part for managed node groups, and Karpenter merges it for AL2023
/// (aws/karpenter-provider-aws, pkg/providers/amifamily/bootstrap/nodeadm.go, parseUserData).
/// </para>
/// <para>
/// Not the GPU Operator's MIG manager: it is built to run with the operator's own device plugin and GPU
/// Feature Discovery (it stops and restarts them around a change through the operator's labels), while this
/// product deploys NVIDIA's device-plugin chart itself; the EKS NVIDIA AMI already carries driver and toolkit.
/// </para>
/// <para>
/// A layout change changes the user data, so nodes are replaced, never repartitioned in place: a new launch
/// template version rolls the managed node group, and Karpenter replaces drifted nodes of the EC2NodeClass.
/// </para>
/// </summary>
public static class MigPartitioning
{
    /// <summary>The systemd unit the user data installs.</summary>
    public const string UnitName = "gpu-slicing-mig.service";

    private const string Boundary = "==GPUSLICINGMIG==";

    /// <summary>The user data that partitions every GPU of <paramref name="gpu"/> by <paramref name="layout"/>, or null when the layout does not fit it.</summary>
    public static string? UserData(string layout, MigGpu gpu)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(gpu);
        if (MigLayouts.Devices(layout, gpu) is not { } devices)
        {
            return null;
        }
        // Larger instances first: nvidia-smi places each GPU instance in the first free slot that fits.
        var instances = string.Join(",", devices
            .OrderByDescending(d => int.Parse(d.Key[..d.Key.IndexOf('g', StringComparison.Ordinal)], CultureInfo.InvariantCulture))
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .SelectMany(d => Enumerable.Repeat(d.Key, d.Value)));
        var text = new StringBuilder()
            .Append("MIME-Version: 1.0\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"{Boundary}\"\n\n")
            .Append(CultureInfo.InvariantCulture, $"--{Boundary}\n")
            .Append("Content-Type: text/x-shellscript; charset=\"us-ascii\"\n\n")
            .Append("#!/bin/bash\nset -euo pipefail\n")
            .Append("cat > /usr/local/sbin/gpu-slicing-mig <<'SCRIPT'\n")
            .Append("#!/bin/bash\nset -euo pipefail\n")
            .Append(CultureInfo.InvariantCulture, $"# mig-parted layout {layout} on {gpu.Name}: {instances}\n")
            .Append("for gpu in $(nvidia-smi --query-gpu=index --format=csv,noheader); do\n")
            .Append("  nvidia-smi -i \"$gpu\" -mig 1\n")
            // An A100 may leave MIG mode pending until its GPU is reset; nothing uses the GPU before kubelet.
            .Append("  if nvidia-smi -i \"$gpu\" --query-gpu=mig.mode.current --format=csv,noheader | grep -qv Enabled; then nvidia-smi -i \"$gpu\" -r; fi\n")
            .Append("  nvidia-smi mig -i \"$gpu\" -dci >/dev/null 2>&1 || true\n")
            .Append("  nvidia-smi mig -i \"$gpu\" -dgi >/dev/null 2>&1 || true\n")
            .Append(CultureInfo.InvariantCulture, $"  nvidia-smi mig -i \"$gpu\" -cgi {instances} -C\n")
            .Append("done\nSCRIPT\n")
            .Append("chmod 0755 /usr/local/sbin/gpu-slicing-mig\n")
            .Append(CultureInfo.InvariantCulture, $"cat > /etc/systemd/system/{UnitName} <<'UNIT'\n")
            .Append("[Unit]\n")
            .Append(CultureInfo.InvariantCulture, $"Description=Partition the GPUs by MIG layout {layout}\n")
            .Append("After=nvidia-kmod-load.service nvidia-fabricmanager.service nvidia-persistenced.service\n")
            .Append("Before=nodeadm-run.service kubelet.service\n\n")
            .Append("[Service]\nType=oneshot\nRemainAfterExit=true\nExecStart=/usr/local/sbin/gpu-slicing-mig\n\n")
            .Append("[Install]\nWantedBy=multi-user.target\nUNIT\n")
            .Append("systemctl daemon-reload\n")
            .Append(CultureInfo.InvariantCulture, $"systemctl enable --now {UnitName}\n")
            .Append(CultureInfo.InvariantCulture, $"--{Boundary}--\n");
        return text.ToString();
    }

    /// <summary>The user data of a pool running <paramref name="profile"/>, or null when it is not a MIG pool this product can partition.</summary>
    public static string? UserData(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile is not { Strategy: SharingStrategy.Mig, MigConfig: { } layout })
        {
            return null;
        }
        return PoolGpus.Of(pool).Select(t => GpuModels.Of(t)?.Mig).OfType<MigGpu>().FirstOrDefault() is { } gpu ? UserData(layout, gpu) : null;
    }
}
