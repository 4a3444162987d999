namespace Boxer.Host.Cli;

/// <summary>Where the verbs write: results on stdout, diagnostics on stderr, filtered by verbosity.</summary>
/// <param name="Verbose">Show notes (<c>--verbose</c>).</param>
/// <param name="Quiet">Show nothing but errors (<c>--quiet</c>).</param>
internal sealed record CliConsole(bool Verbose, bool Quiet)
{
    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    /// <summary>True when stdin and stdout are both terminals, as the wizard needs.</summary>
    public bool InteractiveTerminal => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary>True when stderr is a terminal, so progress may redraw a line in place.</summary>
    public bool ErrorIsTerminal => !Console.IsErrorRedirected;

    public void Warn(IEnumerable<string> lines)
    {
        if (Quiet)
        {
            return;
        }
        foreach (var line in lines)
        {
            Error.WriteLine($"boxer: warning: {line}");
        }
    }

    /// <summary>For --verbose: the spool is unlinked, so nothing else shows where the import's disk space goes.</summary>
    public void NoteSpool() =>
        Note([$"import spool: an unlinked file in {Path.GetFullPath(Path.GetTempPath())} (TMPDIR), counted by df but not du, freed when boxer exits"]);

    public void Note(IEnumerable<string> lines)
    {
        if (!Verbose || Quiet)
        {
            return;
        }
        foreach (var line in lines)
        {
            Error.WriteLine($"boxer: {line}");
        }
    }
}
