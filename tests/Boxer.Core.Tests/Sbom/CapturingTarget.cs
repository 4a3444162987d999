using Boxer.Abstractions;

namespace Boxer.Core.Tests.Sbom;

/// <summary>A target that writes nothing and keeps what the pipeline handed it: the SBOM and whether the VDB was still there.</summary>
internal sealed class CapturingTarget(string name = "docker") : ITarget
{
    public string Name => name;

    public string Summary => "captures the build context";

    public IReadOnlyList<TargetOption> Options => [];

    public SbomDocument? PreparedSbom { get; private set; }

    public SbomDocument? BuiltSbom { get; private set; }

    public bool VdbAtBuild { get; private set; }

    public void Prepare(TargetPrepareContext context) => PreparedSbom = context.Sbom;

    public Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken)
    {
        BuiltSbom = context.Sbom;
        VdbAtBuild = context.RootFs.Exists("var/db/pkg/sys-kernel/debian-sources-6.1.0");
        return Task.FromResult<IReadOnlyList<Artifact>>([]);
    }
}
