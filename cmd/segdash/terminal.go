package main

import (
	"io"
	"os"
	"sync"
)

// watchedWriter passes writes on and calls gone once, at the first failed
// write. Bubble Tea ignores errors writing its frames and retries the next
// frame, 60 times a second, for ever: after the terminal closed (EIO) the
// dashboard must end instead.
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

// watchOutput wraps the dashboard's output so that gone is called once
// when writing to it fails.
func watchOutput(w io.Writer, gone func()) io.Writer {
	if f, ok := w.(*os.File); ok {
		return &watchedFile{File: f, watchedWriter: watchedWriter{w: f, gone: gone}}
	}
	return &watchedWriter{w: w, gone: gone}
}
