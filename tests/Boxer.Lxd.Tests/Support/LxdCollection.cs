namespace Boxer.Lxd.Tests.Support;

/// <summary>
/// Every spec of this assembly shares one build of the sample plugin and one local LXD, and runs serially
/// (LXD instances and aliases are machine-wide).
/// </summary>
[CollectionDefinition(Name)]
public sealed class LxdCollection : ICollectionFixture<SamplePlugin>, ICollectionFixture<LocalLxd>
{
    public const string Name = "lxd";
}
