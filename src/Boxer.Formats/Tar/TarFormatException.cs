namespace Boxer.Formats.Tar;

/// <summary>An entry cannot be written as a tar member the way the archive's reader would understand it.</summary>
public sealed class TarFormatException : Exception
{
    /// <summary>Creates the exception for the entry at <paramref name="entryPath"/>.</summary>
    public TarFormatException(string message, string entryPath)
        : base($"{message}: /{entryPath}") => EntryPath = entryPath;

    /// <summary>The tree path of the entry that could not be written.</summary>
    public string EntryPath { get; }
}
