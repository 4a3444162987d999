// Loads a file that is not there.
#load "lib/not-there.csx"

Log.Info("never");
