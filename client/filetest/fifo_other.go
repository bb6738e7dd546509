//go:build !unix

package filetest

import "errors"

// HasFIFOs reports whether the OS has named pipes (and /dev/zero).
const HasFIFOs = false

// Mkfifo fails with errors.ErrUnsupported: this OS has no named pipes.
func Mkfifo(path string) error { return errors.ErrUnsupported }
