package client_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/filetest"
)

// TestReadRegularFileRefusesWhatIsNoFile: a FIFO, /dev/zero, a directory
// and a sparse 1 GB file are refused before a byte is read, with what they
// are; a file of exactly the cap is read.
func TestReadRegularFileRefusesWhatIsNoFile(t *testing.T) {
	n := filetest.Make(t, 1<<30)
	dir, fifo, zero, sparse := n.Dir, n.FIFO, n.Zero, n.Sparse
	exact := filepath.Join(dir, "exact")
	os.WriteFile(exact, []byte(strings.Repeat("x", 100)), 0o600)
	for _, tc := range []struct{ path, want string }{
		{fifo, "not a regular file (a FIFO)"},
		{zero, "not a regular file (a device)"},
		{dir, "not a regular file (a directory)"},
		{sparse, "larger than 100 bytes (1073741824)"},
	} {
		b, err := client.ReadRegularFile(tc.path, 100)
		if err == nil || err.Error() != tc.want || !errors.Is(err, client.ErrFileRefused) || b != nil {
			t.Errorf("%s: %d bytes, %v; want %q", tc.path, len(b), err, tc.want)
		}
	}
	if b, err := client.ReadRegularFile(exact, 100); err != nil || len(b) != 100 {
		t.Errorf("a file of the cap: %d bytes, %v", len(b), err)
	}
	_, err := client.ReadRegularFile(filepath.Join(dir, "missing"), 100)
	if !errors.Is(err, fs.ErrNotExist) || errors.Is(err, client.ErrFileRefused) || strings.Contains(err.Error(), dir) {
		t.Errorf("missing: %v (want a not-exist error that does not name the file)", err)
	}
}
