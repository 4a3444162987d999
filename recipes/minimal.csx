// Only cleans: removes kernel sources, modules and the meta-repo, and changes no configuration.
#load "lib/cleanup.csx"

RemoveBuildLeftovers();
