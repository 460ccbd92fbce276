using System.Text.Json.Nodes;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Verify;

/// <summary>
/// <c>verify --stack dev</c> against a local API server holding the dev stack's cluster (pool t4: Karpenter, overlay-shared,
/// 10 nvidia.com/gpu.shared per T4), healthy first, then with one thing broken per test.
/// </summary>
public sealed class VerifyCommandTests
{
    private const string Node1 = "ip-10-20-1-10.ec2.internal";
    private const string Node2 = "ip-10-20-2-20.ec2.internal";

    [Fact]
    public void A_matching_cluster_passes_with_every_check_listed()
    {
        var (result, _) = new FakeCluster().Verify();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.DoesNotContain("MISMATCH", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ok       nodes                 pool t4: 2 nodes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"node {Node1}: pool t4, g4dn.xlarge: nvidia.com/gpu.shared 10 = 1 GPU × 10 replicas; labels and taints as declared; GFD: 10 replicas, time-slicing", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("daemonset nvidia-device-plugin/nvidia-device-plugin: device plugin pod Ready on all 2 GPU nodes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("daemonset nvidia-device-plugin/nvidia-device-plugin-gpu-feature-discovery: GFD pod Ready on all 2 GPU nodes", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("nodepool t4: Ready", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("nodeoverlay t4-gpus-1: applied (Ready)", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("result: the cluster matches the program\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_only_reads_with_GET_the_paths_its_RBAC_names()
    {
        var (_, requests) = new FakeCluster().Verify();

        Assert.Equal(FakeCluster.Paths.Keys.Select(p => $"GET {p}").Order(StringComparer.Ordinal), requests.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Json_output_carries_each_finding_and_the_verdict()
    {
        var cluster = new FakeCluster();
        Allocatable(cluster, Node2, "nvidia.com/gpu.shared", "4");

        var (result, _) = cluster.Verify("--format", "json");

        Assert.True(result.Stderr.Length == 0, result.Stderr);
        Assert.Equal(1, result.ExitCode);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(1, (int)report["schemaVersion"]!);
        Assert.Equal("stack dev", (string?)report["subject"]);
        Assert.False((bool)report["passed"]!);
        Assert.Equal(1, (int)report["mismatches"]!);
        var mismatch = report["findings"]!.AsArray().Single(f => (string?)f!["status"] == "mismatch")!;
        Assert.Equal("allocatable", (string?)mismatch["check"]);
        Assert.Equal($"node {Node2}", (string?)mismatch["subject"]);
    }

    [Fact]
    public void Wrong_allocatable_is_reported_with_the_expected_count()
    {
        var cluster = new FakeCluster();
        Allocatable(cluster, Node2, "nvidia.com/gpu.shared", "4");

        AssertMismatch(cluster, $"MISMATCH allocatable           node {Node2}: allocatable nvidia.com/gpu.shared is 4, expected 10 (1 GPU × 10 replicas, pool t4)");
    }

    [Fact]
    public void A_renamed_pool_node_that_still_offers_whole_gpus_loaded_another_config()
    {
        var cluster = new FakeCluster();
        var allocatable = FakeCluster.Named(cluster.Nodes, Node1)["status"]!["allocatable"]!.AsObject();
        allocatable.Remove("nvidia.com/gpu.shared");
        allocatable["nvidia.com/gpu"] = "1";

        var stdout = AssertMismatch(cluster, $"node {Node1}: allocatable nvidia.com/gpu.shared is absent, expected 10 (1 GPU × 10 replicas, pool t4)");
        Assert.Contains($"node {Node1}: allocatable nvidia.com/gpu is 1, expected none: profile ts-10-shared renames it to nvidia.com/gpu.shared (pool t4)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_label_and_a_missing_taint_are_reported()
    {
        var cluster = new FakeCluster();
        var node = FakeCluster.Named(cluster.Nodes, Node1);
        node["metadata"]!["labels"]!.AsObject().Remove("nvidia.com/device-plugin.config");
        node["spec"]!["taints"]!.AsArray().RemoveAt(1);

        var stdout = AssertMismatch(cluster, $"MISMATCH labels                node {Node1}: label nvidia.com/device-plugin.config=ts-10-shared missing (pool t4)");
        Assert.Contains($"MISMATCH taints                node {Node1}: taint nvidia.com/gpu.shared=true:NoSchedule missing (pool t4)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_plugin_pod_not_ready_is_reported_with_its_container_state()
    {
        var cluster = new FakeCluster();
        var pod = FakeCluster.Named(cluster.Pods, "nvidia-device-plugin-m2x9c");
        pod["status"]!["conditions"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["type"] == "Ready")["status"] = "False";
        pod["status"]!["containerStatuses"]![0]!["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "CrashLoopBackOff" } };

        AssertMismatch(cluster, $"MISMATCH device-plugin         node {Node2}: device plugin pod nvidia-device-plugin/nvidia-device-plugin-m2x9c is not Ready (CrashLoopBackOff)");
    }

    [Fact]
    public void A_gpu_node_without_a_gfd_pod_is_reported()
    {
        var cluster = new FakeCluster();
        cluster.Pods.Remove(FakeCluster.Named(cluster.Pods, "nvidia-device-plugin-gpu-feature-discovery-7vbq2"));

        AssertMismatch(cluster, $"MISMATCH device-plugin         node {Node1}: no GFD pod on this GPU node");
    }

    [Fact]
    public void Gfd_reporting_other_replicas_means_the_node_loaded_another_config()
    {
        var cluster = new FakeCluster();
        FakeCluster.Named(cluster.Nodes, Node1)["metadata"]!["labels"]!["nvidia.com/gpu.replicas"] = "4";

        AssertMismatch(cluster, $"MISMATCH gfd-config            node {Node1}: GFD reports nvidia.com/gpu.replicas=4, profile ts-10-shared sets 10: the node loaded another config (pool t4)");
    }

    [Fact]
    public void A_nodepool_not_ready_is_reported_with_the_failing_condition()
    {
        var cluster = new FakeCluster();
        var conditions = FakeCluster.Named(cluster.NodePools, "t4")["status"]!["conditions"]!.AsArray().OfType<JsonObject>().ToList();
        Condition(conditions, "NodeClassReady", "False", "NodeClassNotReady", "EC2NodeClass t4 not ready: no subnets found");
        Condition(conditions, "Ready", "False", "NodeClassReady", "");

        AssertMismatch(cluster, "MISMATCH nodepool              nodepool t4: NodePool not Ready: Ready False: NodeClassReady; NodeClassReady False: NodeClassNotReady: EC2NodeClass t4 not ready: no subnets found");
    }

    [Fact]
    public void An_overlay_not_applied_is_reported_and_a_missing_one_too()
    {
        var cluster = new FakeCluster();
        var conditions = FakeCluster.Named(cluster.NodeOverlays, "t4-gpus-1")["status"]!["conditions"]!.AsArray().OfType<JsonObject>().ToList();
        Condition(conditions, "ValidationSucceeded", "False", "Conflict", "conflicts with overlay other-overlay of the same weight");
        Condition(conditions, "Ready", "False", "ValidationSucceeded", "");

        AssertMismatch(cluster, "MISMATCH nodeoverlay           nodeoverlay t4-gpus-1: NodeOverlay not applied: Ready False: ValidationSucceeded; ValidationSucceeded False: Conflict: conflicts with overlay other-overlay of the same weight");

        cluster.NodeOverlays.Clear();
        AssertMismatch(cluster, "MISMATCH nodeoverlay           nodeoverlay t4-gpus-1: NodeOverlay not found in the cluster");
    }

    [Fact]
    public void Karpenter_crds_not_served_are_a_mismatch_not_an_error()
    {
        var cluster = new FakeCluster();
        cluster.Missing.Add("/apis/karpenter.sh/v1alpha1/nodeoverlays");

        AssertMismatch(cluster, "MISMATCH nodeoverlay           NodeOverlays: the API server does not serve karpenter.sh NodeOverlays: are Karpenter's CRDs installed?");
    }

    [Fact]
    public void A_nodeclaim_not_initialized_after_15_minutes_is_stuck_and_a_younger_one_a_note()
    {
        var cluster = new FakeCluster();
        var stuck = FakeCluster.AddCopy(cluster.NodeClaims, "t4-7xk2p", "t4-stuck");
        stuck["metadata"]!["creationTimestamp"] = "2026-11-29T11:18:00Z"; // 42 minutes before the test clock (12:00)
        var conditions = stuck["status"]!["conditions"]!.AsArray().OfType<JsonObject>().ToList();
        Condition(conditions, "Registered", "False", "NodeNotFound", "Node not registered with cluster");
        Condition(conditions, "Initialized", "Unknown", "AwaitingReconciliation", "");
        var young = FakeCluster.AddCopy(cluster.NodeClaims, "t4-7xk2p", "t4-young");
        young["metadata"]!["creationTimestamp"] = "2026-11-29T11:57:00Z";
        Condition(young["status"]!["conditions"]!.AsArray().OfType<JsonObject>().ToList(), "Initialized", "Unknown", "AwaitingReconciliation", "");

        var stdout = AssertMismatch(cluster, "MISMATCH nodeclaim             nodeclaim t4-stuck: not Initialized after 42m (Registered: NodeNotFound: Node not registered with cluster), NodePool t4");
        Assert.Contains("note     nodeclaim             nodeclaim t4-young: starting for 3m (Initialized: AwaitingReconciliation), NodePool t4", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_pod_without_the_pool_taint_toleration_is_explained()
    {
        var cluster = new FakeCluster();
        Pending(cluster, "no-toleration", new JsonObject { ["nvidia.com/gpu.shared"] = "1" },
            new JsonArray(new JsonObject { ["key"] = "nvidia.com/gpu", ["operator"] = "Exists", ["effect"] = "NoSchedule" }));

        AssertMismatch(cluster, "MISMATCH pending-pod           pod ml/no-toleration: Pending: no toleration for taint nvidia.com/gpu.shared=true:NoSchedule of pool t4");
    }

    [Fact]
    public void A_pending_pod_asking_for_whole_gpus_on_a_renamed_pool_is_explained()
    {
        var cluster = new FakeCluster();
        Pending(cluster, "asks-gpu", new JsonObject { ["nvidia.com/gpu"] = "1" }, Tolerations());

        AssertMismatch(cluster, "MISMATCH pending-pod           pod ml/asks-gpu: Pending: asks for nvidia.com/gpu, but pool t4 advertises nvidia.com/gpu.shared (profile ts-10-shared renames it): ask for nvidia.com/gpu.shared");
    }

    [Fact]
    public void A_pending_pod_asking_for_more_slices_than_a_node_has_is_explained()
    {
        var cluster = new FakeCluster();
        Pending(cluster, "too-big", new JsonObject { ["nvidia.com/gpu.shared"] = "12" }, Tolerations());

        AssertMismatch(cluster, "MISMATCH pending-pod           pod ml/too-big: Pending: asks for 12 nvidia.com/gpu.shared, more than a node of pool t4 has (10)");
    }

    [Fact]
    public void A_pending_pod_on_a_pool_at_its_karpenter_limit_is_explained()
    {
        var cluster = new FakeCluster();
        FakeCluster.AddCopy(cluster.NodeClaims, "t4-7xk2p", "t4-third");
        Pending(cluster, "waits", new JsonObject { ["nvidia.com/gpu.shared"] = "1" }, Tolerations());

        AssertMismatch(cluster, "MISMATCH pending-pod           pod ml/waits: Pending: pool t4 is at its Karpenter limit (3 of 3 nodes, NodePool t4 limits.nodes)");
    }

    [Fact]
    public void A_pending_pod_with_no_blocking_reason_is_a_note_while_karpenter_works()
    {
        var cluster = new FakeCluster();
        Pending(cluster, "scaling", new JsonObject { ["nvidia.com/gpu.shared"] = "1" }, Tolerations());

        var (result, _) = cluster.Verify();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note     pending-pod           pod ml/scaling: Pending, asks for 1 nvidia.com/gpu.shared; no blocking reason found (Karpenter may be adding a node)", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kube-system", "nvidia-device-plugin-daemonset")] // the static manifest
    [InlineData("gpu-operator", "nvidia-device-plugin-daemonset")] // the GPU Operator's
    [InlineData("kube-system", "nvdp-nvidia-device-plugin")] // another Helm release of the chart
    public void Another_device_plugin_on_gpu_nodes_is_a_conflict(string ns, string name)
    {
        var cluster = new FakeCluster();
        var daemonSet = FakeCluster.AddCopy(cluster.DaemonSets, "nvidia-device-plugin", name);
        daemonSet["metadata"]!["namespace"] = ns;
        var pod = FakeCluster.AddCopy(cluster.Pods, "nvidia-device-plugin-4hj7k", $"{name}-abcde");
        pod["metadata"]!["namespace"] = ns;
        pod["metadata"]!["ownerReferences"]![0]!["name"] = name;

        AssertMismatch(cluster, $"MISMATCH foreign-device-plugin daemonset {ns}/{name}: another device plugin runs on GPU node {Node1}: two plugins advertise nvidia.com/gpu and fight; remove it");
    }

    [Fact]
    public void A_device_plugin_daemonset_without_pods_on_gpu_nodes_is_no_conflict()
    {
        var cluster = new FakeCluster();
        FakeCluster.AddCopy(cluster.DaemonSets, "nvidia-device-plugin", "nvidia-device-plugin-daemonset")["metadata"]!["namespace"] = "kube-system";

        var (result, _) = cluster.Verify();

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("foreign-device-plugin", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_api_server_is_an_error_with_exit_2_and_no_report()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"verify-kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(kubeconfig, FakeCluster.Kubeconfig($"http://127.0.0.1:{LoopbackServer.FreePort()}"));
        try
        {
            var result = CliRunner.Run("verify", "--stack", "dev", "--kubeconfig", kubeconfig);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.StartsWith("error: cannot reach the API server at http://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Theory]
    [InlineData("not: [a kubeconfig", "cannot use kubeconfig")]
    [InlineData(null, "cannot use kubeconfig")]
    public void A_bad_or_missing_kubeconfig_is_an_error_with_exit_2(string? content, string message)
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"verify-kubeconfig-{Guid.NewGuid():N}.yaml");
        if (content is not null)
        {
            File.WriteAllText(kubeconfig, content);
        }
        try
        {
            var result = CliRunner.Run("verify", "--stack", "dev", "--kubeconfig", kubeconfig);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.Stdout);
            Assert.StartsWith($"error: {message} {kubeconfig}: ", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public void An_unknown_context_is_an_error_with_exit_2()
    {
        var (result, requests) = new FakeCluster().Verify("--context", "prod-admin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("prod-admin", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(requests);
    }

    [Fact]
    public void Without_kubeconfig_option_it_uses_the_first_existing_file_of_KUBECONFIG()
    {
        using var api = FakeKubeApi.Serve(new Dictionary<string, string>());
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"verify-kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(kubeconfig, FakeCluster.Kubeconfig(api.BaseUrl));
        try
        {
            var result = CliRunner.Run(new Dictionary<string, string> { ["KUBECONFIG"] = $"/nonexistent/config{Path.PathSeparator}{kubeconfig}" }, "verify", "--stack", "dev");

            // That server serves nothing: the request reached it, and the 404 on nodes is an error naming it.
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"the API server at {api.BaseUrl} refused a request: 404", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("GET /api/v1/nodes", api.Requests);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public void Help_names_the_cluster_role_it_needs()
    {
        var result = CliRunner.Run("verify", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("resources: [nodepools, nodeclaims, nodeoverlays]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("verbs: [list]", result.Stdout, StringComparison.Ordinal);
    }

    private static string AssertMismatch(FakeCluster cluster, string line)
    {
        var (result, _) = cluster.Verify();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(line + "\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("result: ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("result: the cluster matches", result.Stdout, StringComparison.Ordinal);
        return result.Stdout;
    }

    private static void Allocatable(FakeCluster cluster, string node, string resource, string value) =>
        FakeCluster.Named(cluster.Nodes, node)["status"]!["allocatable"]![resource] = value;

    private static void Condition(List<JsonObject> conditions, string type, string status, string reason, string message)
    {
        var condition = conditions.Single(c => (string?)c["type"] == type);
        condition["status"] = status;
        condition["reason"] = reason;
        condition["message"] = message;
    }

    private static JsonArray Tolerations() => new(
        new JsonObject { ["key"] = "nvidia.com/gpu", ["operator"] = "Exists", ["effect"] = "NoSchedule" },
        new JsonObject { ["key"] = "nvidia.com/gpu.shared", ["operator"] = "Exists", ["effect"] = "NoSchedule" });

    // An unscheduled pod in namespace ml asking for `resources`, made from the running workload pod.
    private static void Pending(FakeCluster cluster, string name, JsonObject resources, JsonArray tolerations)
    {
        var pod = FakeCluster.AddCopy(cluster.Pods, "infer-0", name);
        var spec = pod["spec"]!.AsObject();
        spec.Remove("nodeName");
        spec["tolerations"] = tolerations;
        spec["containers"]![0]!["resources"] = new JsonObject { ["limits"] = resources.DeepClone(), ["requests"] = resources };
        pod["status"] = new JsonObject
        {
            ["phase"] = "Pending",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "PodScheduled", ["status"] = "False", ["reason"] = "Unschedulable" }),
        };
    }

    // The stack's kubeconfig output authenticates with `aws eks get-token`; without AWS credentials that command prints
    // its error and no credential. The client library's message then holds a whole JSON exception with its stack trace.
    [Fact]
    public void A_failing_exec_credential_is_one_line_with_exit_2_and_no_stack_trace()
    {
        using var api = FakeKubeApi.Serve(new Dictionary<string, string>());
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"verify-kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(kubeconfig, FakeCluster.Kubeconfig(api.BaseUrl).Replace("""
                  token: test-token
            """, """
                  exec:
                    apiVersion: client.authentication.k8s.io/v1beta1
                    command: /bin/sh
                    args: [-c, "echo Unable to locate credentials >&2; exit 255"]
            """, StringComparison.Ordinal));
        try
        {
            var result = CliRunner.Run("verify", "--stack", "dev", "--kubeconfig", kubeconfig);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal("", result.Stdout);
            var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: cannot ", error, StringComparison.Ordinal);
            Assert.Contains("check the AWS credentials and region", error, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", error.Replace("the API server at", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("\\u000a", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
