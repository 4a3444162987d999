namespace Boxer.Targets.Singularity.Tests.Support;

/// <summary>
/// The harness boots run one at a time: each attaches loop devices and mounts under the same kernel, and two at
/// once on a loaded machine were seen to race (an overlay's ext3 mounted again before the previous boot had
/// released it).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SifBootCollection
{
    public const string Name = "sif-boot";
}
