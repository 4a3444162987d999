namespace Boxer.Host.Tests.ImageTest;

/// <summary>The specs that boot the OpenRC fixture's images share one set of builds (<see cref="BootImages"/>).</summary>
[CollectionDefinition(Name)]
public sealed class BootImagesCollection : ICollectionFixture<BootImages>
{
    public const string Name = "boot images";
}
