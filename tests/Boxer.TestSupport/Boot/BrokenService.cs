namespace Boxer.TestSupport.Boot;

/// <summary>
/// tests/recipe-fixtures/boot/broken-service.csx: openrc-server plus <see cref="Name"/> in the default runlevel,
/// whose start prints an eerror and returns 1. Each boot harness builds the OpenRC fixture with it once, to
/// show that its verdict fails and names the service.
/// </summary>
public static class BrokenService
{
    /// <summary>The service that never starts.</summary>
    public const string Name = "boxer-broken";

    /// <summary>The recipe file, for <c>--recipe</c> or a <c>RecipeFinalizer</c>.</summary>
    public static string Recipe => Path.Combine(RepoPaths.Root, "tests", "recipe-fixtures", "boot", "broken-service.csx");
}
