namespace Boxer.Host.Tests.Tui;

/// <summary>Terminal.Gui tests run one at a time: each owns an application instance and its driver.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TuiCollection
{
    public const string Name = "terminal ui";
}
