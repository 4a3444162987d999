namespace Boxer.Targets.Docker.Tests;

/// <summary>Reading <c>[registry[:port]/]name[:tag]</c> the way Docker does.</summary>
public sealed class ImageReferenceSpecs
{
    [Theory]
    [InlineData("funtoo", "docker.io", "library/funtoo", "latest", "funtoo:latest")]
    [InlineData("me/funtoo:1.4", "docker.io", "me/funtoo", "1.4", "me/funtoo:1.4")]
    [InlineData("127.0.0.1:5000/x/y:dev", "127.0.0.1:5000", "x/y", "dev", "127.0.0.1:5000/x/y:dev")]
    [InlineData("localhost/gentoo", "localhost", "gentoo", "latest", "localhost/gentoo:latest")]
    [InlineData("ghcr.io/org/stage3-amd64_openrc:2026.11", "ghcr.io", "org/stage3-amd64_openrc", "2026.11", "ghcr.io/org/stage3-amd64_openrc:2026.11")]
    public void I_can_name_an_image_as_docker_would(string text, string registry, string repository, string tag, string familiar)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag, familiar), (reference.Registry, reference.Repository, reference.Tag, reference.FamiliarName));
    }

    [Theory]
    [InlineData("Funtoo", "not a valid image name")]
    [InlineData("funtoo:", "the tag ''")]
    [InlineData("funtoo:-x", "the tag '-x'")]
    [InlineData("a//b", "not a valid image name")]
    [InlineData("", "not a valid image name")]
    [InlineData("x y", "not a valid image name")]
    public void A_malformed_reference_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Contains(reason, ImageReference.Check(text));
    }
}
