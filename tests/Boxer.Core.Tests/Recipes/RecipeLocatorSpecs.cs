using Boxer.Core.Recipes;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Recipes;

public sealed class RecipeLocatorSpecs : IDisposable
{
    private readonly TempDir _shipped = new("boxer-shipped-");
    private readonly TempDir _user = new("boxer-user-");
    private readonly RecipeLocator _locator;

    public RecipeLocatorSpecs()
    {
        File.WriteAllText(_shipped.Combine("server.csx"), "// The shipped server.\nLog.Info(\"x\");\n");
        File.WriteAllText(_shipped.Combine("plain.csx"), "Log.Info(\"no comment\");\n");
        Directory.CreateDirectory(_shipped.Combine("lib"));
        File.WriteAllText(_shipped.Combine("lib", "part.csx"), "// a part\n");
        File.WriteAllText(_user.Combine("server.csx"), "// The user's server.\n");
        File.WriteAllText(_user.Combine("mine.csx"), "\n#load \"x.csx\"\n//   My own recipe.  \n");
        _locator = new RecipeLocator([_shipped.Path, _user.Path]);
    }

    [Fact]
    public void A_name_is_found_beside_the_executable_before_the_user_folder()
    {
        Assert.Equal(_shipped.Combine("server.csx"), _locator.Locate("server"));
        Assert.Equal(_user.Combine("mine.csx"), _locator.Locate("mine.csx"));
    }

    [Fact]
    public void A_path_is_taken_as_given_and_none_means_no_recipe()
    {
        Assert.Equal(_user.Combine("server.csx"), _locator.Locate(_user.Combine("server.csx")));
        Assert.Null(_locator.Locate("none"));
    }

    [Fact]
    public void A_missing_recipe_says_where_boxer_looked()
    {
        var error = Assert.Throws<RecipeException>(() => _locator.Locate("nope"));

        Assert.Equal($"recipe not found: nope (looked in ./, {_shipped.Path}, {_user.Path}; see `boxer recipes`)", error.Message);
        Assert.Equal("recipe not found: dir/nope.csx", Assert.Throws<RecipeException>(() => _locator.Locate("dir/nope.csx")).Message);
    }

    [Fact]
    public void The_listing_has_each_name_once_with_its_first_comment_and_skips_lib()
    {
        Assert.Equal(
            ["plain: ", "server: The shipped server.", "mine: My own recipe."],
            _locator.List().Select(r => $"{r.Name}: {r.Description}"));
    }

    [Fact]
    public void The_shipped_recipes_all_have_a_description()
    {
        var shipped = new RecipeLocator([RepoPaths.Recipes]).List();

        Assert.Equal(["minimal", "openrc-server", "sshd"], shipped.Select(r => r.Name));
        Assert.All(shipped, r => Assert.NotEmpty(r.Description));
    }

    public void Dispose()
    {
        _shipped.Dispose();
        _user.Dispose();
    }
}
