namespace Boxer.Core.Stage;

/// <summary>What is known about the stage3 file itself, before its tree is examined.</summary>
internal sealed record StageSource(string Path, string Sha256, string Compression);
