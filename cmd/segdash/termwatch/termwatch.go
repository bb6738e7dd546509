// Package termwatch notices that the terminal a program draws on has gone
// away. Bubble Tea ignores errors writing its frames and retries the next
// frame, 60 times a second, for ever: after the terminal closed (EIO) a
// dashboard must end instead.
package termwatch

import (
	"io"
	"os"
	"sync"
)

// watchedWriter passes writes on and calls gone once, at the first failed
// write.
type watchedWriter struct {
	w    io.Writer
	once sync.Once
	gone func()
}

// Write writes p and reports the first failure.
func (t *watchedWriter) Write(p []byte) (int, error) {
	n, err := t.w.Write(p)
	if err != nil {
		t.once.Do(t.gone)
	}
	return n, err
}

// watchedFile is a watchedWriter over a terminal file: it keeps the file's
// Fd, Read and Close, so Bubble Tea still sees a terminal (raw mode, size).
type watchedFile struct {
	*os.File
	watchedWriter
}

// Write writes p and reports the first failure.
func (f *watchedFile) Write(p []byte) (int, error) { return f.watchedWriter.Write(p) }

// Output wraps a program's output w so that gone is called once, when
// writing to it first fails. An *os.File stays a file to Bubble Tea (its
// Fd, Read and Close are kept), so it is still seen as a terminal.
func Output(w io.Writer, gone func()) io.Writer {
	if f, ok := w.(*os.File); ok {
		return &watchedFile{File: f, watchedWriter: watchedWriter{w: f, gone: gone}}
	}
	return &watchedWriter{w: w, gone: gone}
}
