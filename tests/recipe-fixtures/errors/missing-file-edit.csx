// Asks a helper to edit a file the tree does not have (line 3).
Log.Info("editing");
Files.Replace("/etc/does-not-exist.conf", "^a", "b");
