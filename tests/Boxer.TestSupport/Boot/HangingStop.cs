namespace Boxer.TestSupport.Boot;

/// <summary>
/// tests/recipe-fixtures/boot/hanging-stop.csx: openrc-server plus <see cref="Name"/> in the default runlevel,
/// which starts but whose stop sleeps for an hour, so a stop of the system needs the runtime's kill.
/// </summary>
public static class HangingStop
{
    /// <summary>The service that never stops.</summary>
    public const string Name = "boxer-hang";

    /// <summary>The recipe file, for <c>--recipe</c> or a <c>RecipeFinalizer</c>.</summary>
    public static string Recipe => Path.Combine(RepoPaths.Root, "tests", "recipe-fixtures", "boot", "hanging-stop.csx");
}
