package config

import "io/fs"

// keyModeWarning is silent on Windows: Go reports every file there as 0666
// or 0444, whoever may read it (access is decided by ACLs), so a mode says
// nothing about who can read the key.
func keyModeWarning(path string, mode fs.FileMode) string { return "" }
