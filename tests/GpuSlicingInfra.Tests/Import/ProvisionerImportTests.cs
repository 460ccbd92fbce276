using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Import;

/// <summary>
/// <c>import-provisioner</c>: Karpenter v1alpha5 Provisioners (the seed's and variants) become pool config that the
/// compiler builds; bad manifests fail with their field paths and print nothing.
/// </summary>
public sealed class ProvisionerImportTests
{
    private static string Manifest(string name) => Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Import", "Manifests", name);

    private static CliRunner.Result Import(string file, params string[] extra) => CliRunner.Run(["import-provisioner", file, .. extra]);

    // The printed block is written as a stack file and compiled by synth, as a user would after merging it.
    private static string Synth(string config)
    {
        var directory = Directory.CreateTempSubdirectory("import-provisioner-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Pulumi.imported.yaml"), config);
            var synth = CliRunner.Run("synth", "--stack", "imported", "--project-dir", directory.FullName);
            Assert.True(synth.ExitCode == 0, synth.Stderr);
            return synth.Stdout;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheSeedsProvisionerBecomesAPoolThatCompiles()
    {
        var result = Import(Manifest("seed.yaml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Support.Golden.AssertMatches("import-seed.yaml", result.Stdout);
        var program = Synth(result.Stdout);
        Assert.Contains("kind: NodePool", program, StringComparison.Ordinal);
        Assert.Contains("consolidationPolicy: WhenEmptyOrUnderutilized", program, StringComparison.Ordinal);
        Assert.Contains("consolidateAfter: \"0s\"", program, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSeedsGpuRequirementIsDroppedWithTheReasonAndItsInstanceTypeKept()
    {
        var output = Import(Manifest("seed.yaml")).Stdout;

        Assert.Contains("instanceTypes: [g4dn.xlarge] # spec.provider.instanceType:", output, StringComparison.Ordinal);
        Assert.Contains("launched c, m or r instances", output, StringComparison.Ordinal);
        Assert.Contains("# dropped spec.requirements[0]: nvidia.com/gpu In [1]: nvidia.com/gpu is the device plugin's resource, not a node label Karpenter knows", output, StringComparison.Ordinal);
        Assert.DoesNotContain("capacityType", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralRequirementsNarrowTheCatalogAndMapSpotLabelsAndEmptiness()
    {
        var result = Import(Manifest("several-requirements.yaml"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var output = result.Stdout;
        // g5 and g6 sizes with one GPU (instance-gpu-count In [1]); the 4- and 8-GPU sizes are left out.
        Assert.Contains("instanceTypes: [g5.16xlarge, g5.2xlarge, g5.4xlarge, g5.8xlarge, g5.xlarge, g6.16xlarge, g6.2xlarge, g6.4xlarge, g6.8xlarge, g6.xlarge]", output, StringComparison.Ordinal);
        Assert.Contains("karpenterInstanceSelection: types", output, StringComparison.Ordinal);
        Assert.Contains("capacityType: spot # spec.requirements[2]", output, StringComparison.Ordinal);
        Assert.Contains("team: ml-serving", output, StringComparison.Ordinal);
        Assert.Contains("karpenterConsolidationPolicy: WhenEmpty # spec.ttlSecondsAfterEmpty", output, StringComparison.Ordinal);
        Assert.Contains("karpenterConsolidateAfter: 5m", output, StringComparison.Ordinal);
        Assert.Contains("# dropped spec.requirements[4]: topology.kubernetes.io/zone In [us-east-1a, us-east-1b]", output, StringComparison.Ordinal);
        Assert.Contains("# dropped spec.providerRef: AWSNodeTemplate 'gpu' is not in this file", output, StringComparison.Ordinal);
        var program = Synth(output);
        Assert.Contains("team: ml-serving", program, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitsTaintsExpiryAndTheNodeTemplatesRootVolumeMap()
    {
        var result = Import(Manifest("limits-and-taints.yaml"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var output = result.Stdout;
        Assert.Contains("instanceTypes: [g5.12xlarge, g5.16xlarge, g5.24xlarge, g5.2xlarge, g5.4xlarge, g5.8xlarge, g5.xlarge]", output, StringComparison.Ordinal);
        Assert.Contains("karpenterMaxCpu: 1000", output, StringComparison.Ordinal);
        // 16 GPUs, the largest allowed type (g5.12xlarge, g5.24xlarge) has 4: never more than 16 GPUs.
        Assert.Contains("karpenterMaxNodes: 4 # documents[0].spec.limits.resources.nvidia.com/gpu: 16 GPUs at 4 per node (the largest type; smaller ones stop sooner)", output, StringComparison.Ordinal);
        Assert.Contains("karpenterExpireAfter: 720h", output, StringComparison.Ordinal);
        Assert.Contains("diskSizeGiB: 200 # documents[1].spec.blockDeviceMappings[0].ebs.volumeSize", output, StringComparison.Ordinal);
        Assert.Contains("# dropped documents[0].spec.limits.resources.memory", output, StringComparison.Ordinal);
        Assert.Contains("# dropped documents[0].spec.taints[1]: taint workload=training:NoSchedule", output, StringComparison.Ordinal);
        Assert.DoesNotContain("spec.taints[0]", output, StringComparison.Ordinal);
        Assert.Contains("# dropped documents[0].spec.startupTaints[0]", output, StringComparison.Ordinal);
        Assert.Contains("# dropped documents[0].spec.weight", output, StringComparison.Ordinal);
        Assert.Contains("# dropped documents[1].spec.amiFamily", output, StringComparison.Ordinal);
        Assert.Contains("# dropped documents[1].spec.subnetSelector", output, StringComparison.Ordinal);
        Synth(output);
    }

    [Fact]
    public void AWholeFamilyKeepsKarpentersChoiceOfSize()
    {
        var output = ImportText("""
            apiVersion: karpenter.sh/v1alpha5
            kind: Provisioner
            metadata: {name: t4}
            spec:
              requirements:
                - {key: karpenter.k8s.aws/instance-family, operator: In, values: [g4dn]}
            """);

        Assert.Contains("karpenterInstanceSelection: family", output.Stdout, StringComparison.Ordinal);
        Assert.Contains("instanceTypes: [g4dn.12xlarge, g4dn.16xlarge, g4dn.2xlarge, g4dn.4xlarge, g4dn.8xlarge, g4dn.metal, g4dn.xlarge]", output.Stdout, StringComparison.Ordinal);
        Assert.Contains("karpenterConsolidateAfter: Never", output.Stdout, StringComparison.Ordinal);
        Synth(output.Stdout);
    }

    [Fact]
    public void TheReadmesExampleIsTheRealOutput()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("import-provisioner tests/GpuSlicingInfra.Tests/Import/Manifests/seed.yaml", StringComparison.Ordinal);
        Assert.True(start > 0, "the README's import-provisioner example is missing");
        var block = readme[readme.IndexOf("```yaml\n", start, StringComparison.Ordinal)..];
        block = block["```yaml\n".Length..block.IndexOf("\n```", 1, StringComparison.Ordinal)];
        var output = Import(Manifest("seed.yaml")).Stdout;

        Assert.All(block.Split('\n'), line => Assert.Contains(line + "\n", output, StringComparison.Ordinal));
    }

    // Karpenter derives category and generation from the type's name (instanceTypeScheme), the GPU name from EC2's.
    [Fact]
    public void CategoryGenerationAndGpuNameSelectAcrossFamilies()
    {
        var output = ImportText("""
            apiVersion: karpenter.sh/v1alpha5
            kind: Provisioner
            metadata: {name: l4}
            spec:
              requirements:
                - {key: karpenter.k8s.aws/instance-category, operator: In, values: [g]}
                - {key: karpenter.k8s.aws/instance-generation, operator: In, values: ["6"]}
                - {key: karpenter.k8s.aws/instance-gpu-name, operator: In, values: [l4]}
                - {key: karpenter.k8s.aws/instance-gpu-count, operator: Lt, values: ["2"]}
            """);

        Assert.True(output.ExitCode == 0, output.Stderr);
        // g6e is an L40S; gr6 has L4s but its category is gr (the scheme takes every leading letter); g6f cannot be provisioned.
        Assert.Contains("instanceTypes: [g6.16xlarge, g6.2xlarge, g6.4xlarge, g6.8xlarge, g6.xlarge]", output.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplicasSetTheProfile()
    {
        var output = Import(Manifest("seed.yaml"), "--replicas", "4").Stdout;

        Assert.Contains("ts-4: # --replicas 4", output, StringComparison.Ordinal);
        Assert.Contains("replicas: 4", output, StringComparison.Ordinal);
        Assert.Contains("profile: ts-4", output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadManifests => new()
    {
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  requirments: []\n  provider: {instanceType: g4dn.xlarge}\n",
            "spec.requirments", "unknown key; did you mean 'requirements'?"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  requirements:\n    - {key: node.kubernetes.io/instance-type, operator: Equals, values: [g4dn.xlarge]}\n",
            "spec.requirements[0].operator", "'Equals' is not an operator"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  requirements:\n    - {key: nvidia.com/gpu, operator: In, values: [\"1\"]}\n",
            "spec.requirements", "selects no GPU instance type"
        },
        {
            "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: gpu}\nspec: {}\n",
            "kind", "a NodePool or EC2NodeClass maps onto gpuPools keys by hand"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  provider: {instanceType: g9.xlarge}\n",
            "spec.provider.instanceType", "'g9.xlarge' is not a GPU instance type the catalog knows"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  requirements:\n    - {key: karpenter.k8s.aws/instance-gpu-count, operator: Gt, values: [many]}\n",
            "spec.requirements[0]", "Gt takes exactly one integer value"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  requirements:\n    - {key: kubernetes.io/os, operator: In, values: [windows]}\n  provider: {instanceType: g4dn.xlarge}\n",
            "spec.requirements[0]", "Linux only"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  consolidation: {enabled: true}\n  ttlSecondsAfterEmpty: 30\n  provider: {instanceType: g4dn.xlarge}\n",
            "spec.ttlSecondsAfterEmpty", "cannot be set with consolidation.enabled: true"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {}\nspec:\n  provider: {instanceType: g4dn.xlarge}\n",
            "metadata.name", "is required"
        },
        {
            // An arm64 family without an arch requirement: v1alpha5's default was amd64.
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  requirements:\n    - {key: karpenter.k8s.aws/instance-family, operator: In, values: [g5g]}\n",
            "spec.requirements", "kubernetes.io/arch defaults to amd64"
        },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  provider: {instanceType: g4dn.xlarge}\n---\napiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  provider: {instanceType: g5.xlarge}\n",
            "documents[1].metadata.name", "names two Provisioners"
        },
        {
            // Valid v1alpha5, but the product refuses what it maps to: the problem names the config key and its source.
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  ttlSecondsUntilExpired: 600\n  provider: {instanceType: g4dn.xlarge}\n",
            "gpu-slicing-infra:gpuPools.gpu.karpenterExpireAfter", "(imported from spec.ttlSecondsUntilExpired)"
        },
        { "kind: [unclosed\n", "", "not valid YAML" },
        {
            "apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  provider: {instanceType: g4dn.xlarge}\n  labels: {team: ml}\n  colour: blue\n",
            "spec.colour", "unknown key. It is not a field of karpenter.sh/v1alpha5 Provisioner"
        },
        { "# nothing but a comment\n", "", "has no Provisioner" },
    };

    [Theory]
    [MemberData(nameof(BadManifests))]
    public void ABadManifestIsAnErrorWithItsFieldPathAndNothingOnStdout(string manifest, string path, string message)
    {
        var result = ImportText(manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("error: cannot import", result.Stderr, StringComparison.Ordinal);
        // One mistake, one line: no follow-on findings about fields of a document that is not imported, or about a
        // selection that the refused field explains.
        var line = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("  ", StringComparison.Ordinal));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.StartsWith(path.Length == 0 ? "  manifest.yaml" : $"  {path}:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplicasBelowTwoAreAUsageErrorAndTooManyForTheTypeNameTheirSource()
    {
        var few = Import(Manifest("seed.yaml"), "--replicas", "1");
        // Allowed by the option, but 49 slices exceed a g4dn.xlarge's max pods, which only the compiled config checks.
        var many = Import(Manifest("seed.yaml"), "--replicas", "49");

        Assert.Equal(2, few.ExitCode);
        Assert.Equal("", few.Stdout);
        Assert.Contains("--replicas must be 2 or more", few.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, many.ExitCode);
        Assert.Equal("", many.Stdout);
        Assert.Contains("(imported from spec.provider.instanceType)", many.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        var result = Import(Manifest("no-such-file.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("no-such-file.yaml", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("stack config", result.Stderr, StringComparison.Ordinal);
    }

    private static CliRunner.Result ImportText(string manifest)
    {
        var directory = Directory.CreateTempSubdirectory("import-manifest-");
        try
        {
            var file = Path.Combine(directory.FullName, "manifest.yaml");
            File.WriteAllText(file, manifest);
            return Import(file);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
