namespace Boxer.Abstractions.Testing;

/// <summary>
/// The contribution point of <c>boxer test REF</c>: a target that can boot what it makes implements this next to
/// <see cref="ITarget"/>. The host picks the tester for a reference (one whose <see cref="ReferenceScheme"/>
/// matches <c>scheme:rest</c>, else the first whose <see cref="CanTest"/> says yes), boots it, and judges the
/// booted system itself through <see cref="IBootedImage"/>: waiting for the runlevel, reading the services,
/// timing the stop. A tester only knows how to start, reach into and stop its runtime.
/// </summary>
public interface IImageTester
{
    /// <summary>
    /// The prefix of references this tester owns, without the colon (<c>lxd</c> for <c>lxd:ALIAS</c>), or null
    /// when it takes files or plain references only.
    /// </summary>
    string? ReferenceScheme => null;

    /// <summary>Whether this tester can boot <paramref name="subject"/> (for a file: sniffed from its content).</summary>
    /// <param name="subject">What the user asked to test.</param>
    /// <returns>True when <see cref="BootAsync"/> would take it.</returns>
    bool CanTest(ImageTestSubject subject);

    /// <summary>
    /// Starts the image the way its usage hint says (loading or importing it first under a temporary name when
    /// needed) and returns as soon as it runs; the host waits for the boot.
    /// </summary>
    /// <param name="subject">What to boot.</param>
    /// <param name="options">The instance name to use and where to report.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running system; disposing it removes everything the boot created.</returns>
    /// <exception cref="TargetException">The runtime is missing or refused the image; the message is shown to the user.</exception>
    Task<IBootedImage> BootAsync(ImageTestSubject subject, ImageBootOptions options, CancellationToken cancellationToken);
}
