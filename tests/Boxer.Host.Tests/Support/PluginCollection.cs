namespace Boxer.Host.Tests.Support;

/// <summary>The specs that share one <see cref="PluginWorkshop"/> (packing and building plugins is slow).</summary>
[CollectionDefinition(Name)]
public sealed class PluginCollection : ICollectionFixture<PluginWorkshop>
{
    public const string Name = "built test plugins";
}
