// A recipe with a typo on line 4.
Log.Info("before");

Nope();
