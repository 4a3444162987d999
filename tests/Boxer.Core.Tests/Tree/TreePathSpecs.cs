using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public class TreePathSpecs
{
    [Theory]
    [InlineData("/etc", "etc")]
    [InlineData("./etc", "etc")]
    [InlineData("etc/", "etc")]
    [InlineData("//etc//passwd", "etc/passwd")]
    [InlineData("./", "")]
    [InlineData("/", "")]
    [InlineData("", "")]
    [InlineData("usr/./lib/../bin", "usr/bin")]
    [InlineData("etc/init.d", "etc/init.d")]
    public void I_can_spell_a_path_many_ways(string spelling, string expected) =>
        Assert.Equal(expected, TreePath.Normalize(spelling));

    [Theory]
    [InlineData("..")]
    [InlineData("../etc")]
    [InlineData("/usr/../../etc")]
    [InlineData("a\0b")]
    public void A_path_escaping_the_root_is_refused(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => TreePath.Normalize(path));
        Assert.Contains("escapes the root", error.Message);
    }
}
