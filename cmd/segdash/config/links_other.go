//go:build !unix

package config

// hardLinked is false where segdash cannot count a file's names: the file
// is replaced atomically.
func hardLinked(string) bool { return false }
