// The error is in the loaded file.
#load "lib/broken.csx"

Helper();
