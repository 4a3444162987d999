namespace Boxer.Ship.Tests.Support;

/// <summary>The specs that share one <see cref="ShipArtifacts"/> build; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ShipCollection : ICollectionFixture<ShipArtifacts>
{
    public const string Name = "ship artifacts";
}
