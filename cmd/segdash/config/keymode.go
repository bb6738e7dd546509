//go:build !windows

package config

import (
	"fmt"
	"io/fs"
)

// keyModeWarning warns when a key file's mode lets group or others read it.
func keyModeWarning(path string, mode fs.FileMode) string {
	if mode.Perm()&0o077 == 0 {
		return ""
	}
	return fmt.Sprintf("the API key file %s can be read by group or others (mode %04o); fix: chmod 600 %s", path, mode.Perm(), path)
}
