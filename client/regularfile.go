package client

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrFileRefused marks a file ReadRegularFile would not read: not a
// regular file, or larger than its cap.
var ErrFileRefused = errors.New("file refused")

// refusedError says why a file was refused; it matches ErrFileRefused.
type refusedError struct{ why string }

func (e *refusedError) Error() string        { return e.why }
func (e *refusedError) Is(target error) bool { return target == ErrFileRefused }

// ReadRegularFile reads the file at path (after following symlinks) when
// it is a regular file of at most max bytes. A FIFO, a device such as
// /dev/zero, a socket or a directory is refused before it is opened, and
// the file is opened without blocking, so reading never hangs on a FIFO
// swapped in meanwhile nor runs out of memory.
//
// Errors do not name the file (the caller does, with what the file is
// for): "not a regular file (a FIFO)", "larger than 1048576 bytes
// (1073741824)", or the system's reason ("no such file or directory",
// which matches fs.ErrNotExist). The first two match ErrFileRefused.
func ReadRegularFile(path string, max int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if err := checkRegular(st, max); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	// The file may have been swapped since the Stat: check what was opened.
	if st, err = f.Stat(); err != nil {
		return nil, unwrapPathError(err)
	}
	if err := checkRegular(st, max); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(b)) > max {
		return nil, &refusedError{fmt.Sprintf("larger than %d bytes", max)}
	}
	return b, nil
}

// checkRegular refuses what is not a regular file, or is larger than max.
func checkRegular(st fs.FileInfo, max int64) error {
	if !st.Mode().IsRegular() {
		return &refusedError{fmt.Sprintf("not a regular file (%s)", fileKind(st.Mode()))}
	}
	if st.Size() > max {
		return &refusedError{fmt.Sprintf("larger than %d bytes (%d)", max, st.Size())}
	}
	return nil
}

// fileKind names what a file that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.String()
}

// unwrapPathError drops a PathError's path: the caller names the file.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
