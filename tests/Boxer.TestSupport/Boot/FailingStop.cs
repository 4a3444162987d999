namespace Boxer.TestSupport.Boot;

/// <summary>
/// tests/recipe-fixtures/boot/failing-stop.csx: openrc-server plus <see cref="Name"/> in the default runlevel,
/// which starts but whose stop returns 1 at once, so the shutdown runlevel fails without hanging.
/// </summary>
public static class FailingStop
{
    /// <summary>The service whose stop fails.</summary>
    public const string Name = "boxer-stopfail";

    /// <summary>The recipe file, for <c>--recipe</c> or a <c>RecipeFinalizer</c>.</summary>
    public static string Recipe => Path.Combine(RepoPaths.Root, "tests", "recipe-fixtures", "boot", "failing-stop.csx");
}
