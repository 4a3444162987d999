using Boxer.Host.Tests.Support;

namespace Boxer.Host.Tests.Tui;

/// <summary>
/// Terminal.Gui tests run one at a time: each owns an application instance and its driver. The built test
/// plugins give the wizard a target that holds until cancelled.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TuiCollection : ICollectionFixture<PluginWorkshop>
{
    public const string Name = "terminal ui";
}
