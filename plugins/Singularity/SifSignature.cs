using Boxer.Abstractions;
using Boxer.Formats.Sif;
using Boxer.Formats.Signing;

namespace Boxer.Targets.Singularity;

/// <summary>Signs the written SIF (still the hidden temporary file) and says who signed it.</summary>
internal static class SifSignature
{
    public static void Append(TargetBuildContext context, Stream file, OpenPgpSigningKey key)
    {
        // The creation time is SOURCE_DATE_EPOCH when set, so a reproducible build signs reproducibly too.
        var signatures = SifSigner.AppendSignatures(file, key, context.CreatedTime);
        string fingerprint = Convert.ToHexString(key.EntityFingerprint);
        context.Progress.Report(new LogMessage(BuildLogLevel.Info,
            $"signed {signatures.Count} object group(s) with OpenPGP key {fingerprint}", "sif"));
    }
}
