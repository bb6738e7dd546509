//go:build unix

package filetest

import "syscall"

// HasFIFOs reports whether the OS has named pipes (and /dev/zero).
const HasFIFOs = true

// Mkfifo makes a named pipe at path, private to the user.
func Mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }
