//go:build unix

package config

import (
	"os"
	"syscall"
)

// hardLinked says whether the file at path has more than one name: such a
// file is rewritten in place, since replacing it would leave its other
// names with the old contents.
func hardLinked(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink > 1
}
