// The exception is thrown inside the loaded file.
#load "lib/thrower.csx"

Log.Info("calling");
Explode("boom");
