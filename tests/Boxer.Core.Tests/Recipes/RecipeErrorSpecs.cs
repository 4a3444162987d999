using Boxer.Core.Recipes;
using Boxer.Core.Tests.Recipes.Support;

namespace Boxer.Core.Tests.Recipes;

public sealed class RecipeErrorSpecs : IDisposable
{
    private readonly RecipeSandbox _sandbox = new();

    [Fact]
    public async Task A_compile_error_names_file_line_column_and_code()
    {
        var recipe = RecipeSandbox.Fixture("errors/compile-error.csx");

        var error = await RunExpectingErrorAsync(recipe);

        Assert.Equal($"{recipe}:4:1: error CS0103: The name 'Nope' does not exist in the current context", error.Message);
        Assert.Equal((recipe, 4, 1), (error.File, error.Line, error.Column));
    }

    [Fact]
    public async Task A_compile_error_in_a_loaded_file_names_that_file()
    {
        var loaded = RecipeSandbox.Fixture("errors/lib/broken.csx");

        var error = await RunExpectingErrorAsync(RecipeSandbox.Fixture("errors/load-compile-error.csx"));

        Assert.Equal($"{loaded}:3:14: error CS0103: The name 'undeclared' does not exist in the current context", error.Message);
    }

    [Fact]
    public async Task A_runtime_exception_names_the_recipe_line_not_a_stack_trace()
    {
        var recipe = RecipeSandbox.Fixture("errors/runtime-error.csx");

        var error = await RunExpectingErrorAsync(recipe);

        Assert.Equal($"{recipe}:5: InvalidOperationException: refusing 11 services", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task A_runtime_exception_in_a_loaded_file_names_the_line_there()
    {
        var loaded = RecipeSandbox.Fixture("errors/lib/thrower.csx");

        var error = await RunExpectingErrorAsync(RecipeSandbox.Fixture("errors/load-runtime-error.csx"));

        Assert.Equal($"{loaded}:5: ArgumentException: boom", error.Message);
    }

    [Fact]
    public async Task A_helper_asked_to_edit_a_missing_file_says_so_at_the_recipe_line()
    {
        var recipe = RecipeSandbox.Fixture("errors/missing-file-edit.csx");

        var error = await RunExpectingErrorAsync(recipe);

        Assert.Equal($"{recipe}:3: Files.Replace: /etc/does-not-exist.conf does not exist", error.Message);
    }

    [Fact]
    public async Task A_missing_load_target_is_one_line_naming_the_directive()
    {
        var recipe = RecipeSandbox.Fixture("errors/missing-load.csx");
        var looked = RecipeSandbox.Fixture("errors/lib/not-there.csx");

        var error = await RunExpectingErrorAsync(recipe);

        Assert.Equal($"{recipe}:2: #load target not found: lib/not-there.csx (looked for {looked})", error.Message);
    }

    [Fact]
    public async Task A_missing_recipe_is_one_line()
    {
        var error = await RunExpectingErrorAsync("no/such/recipe.csx");

        Assert.Equal("recipe not found: no/such/recipe.csx", error.Message);
    }

    private async Task<RecipeException> RunExpectingErrorAsync(string recipe) =>
        await Assert.ThrowsAsync<RecipeException>(() => _sandbox.RunAsync(recipe, _sandbox.Context(MiniStage.Create())));

    public void Dispose() => _sandbox.Dispose();
}
