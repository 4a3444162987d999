// Throws from line 5.
void Explode(string why)
{
    Log.Debug("about to explode");
    throw new ArgumentException(why);
}
