using Boxer.Abstractions;
using Boxer.Abstractions.Testing;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;

namespace Boxer.Core.Testing;

/// <summary>Picks the tester for a <c>boxer test</c> reference among the loaded targets that implement <see cref="IImageTester"/>.</summary>
public static class ImageTesters
{
    /// <summary>
    /// The subject for <paramref name="reference"/> (an existing regular file is a file, anything else a reference)
    /// and its tester: a <c>scheme:rest</c> reference goes to the tester owning the scheme, anything else to the
    /// first that can test it.
    /// </summary>
    /// <exception cref="StageException">An existing file no tester can boot.</exception>
    /// <exception cref="UsageException">No such file, and no loaded target takes the reference; the message says what can.</exception>
    public static (IImageTester Tester, ImageTestSubject Subject) Choose(IEnumerable<ITarget> targets, string reference, string workingDirectory)
    {
        var testers = targets.OfType<IImageTester>().ToList();
        string full = Path.GetFullPath(reference, workingDirectory);
        var subject = File.Exists(full) ? new ImageTestSubject(full, IsFile: true) : new ImageTestSubject(reference, IsFile: false);
        int colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (!subject.IsFile && colon > 0
            && testers.FirstOrDefault(t => t.ReferenceScheme == reference[..colon]) is { } owner)
        {
            return (owner, subject);
        }
        if (testers.FirstOrDefault(t => t.CanTest(subject)) is { } tester)
        {
            return (tester, subject);
        }
        var schemes = testers.Select(t => t.ReferenceScheme).OfType<string>().Select(s => s + ":NAME");
        if (subject.IsFile)
        {
            throw new StageException($"{reference}: not an image a loaded target can boot (a docker/OCI archive from --out, or a SIF)");
        }
        throw new UsageException(
            $"{reference}: no such file, and no loaded target takes it as an image reference (known: image references{string.Concat(schemes.Select(s => ", " + s))})");
    }
}
