// Package filetest makes, for tests, the paths a reader of local files must
// refuse (client.ReadRegularFile): one fixture for every package whose
// files come from a user or a server admin (config, keys, snapshots,
// authorized_keys, host keys).
package filetest

import (
	"os"
	"path/filepath"
	"testing"
)

// NotFiles are paths that are not files to read.
type NotFiles struct {
	Dir    string // a directory
	FIFO   string // a named pipe: opening it for reading would block
	Zero   string // a symlink to /dev/zero: reading it never ends
	Sparse string // a sparse file of the size asked ("" for size 0)
}

// Make creates NotFiles in a new temporary directory; size is the sparse
// file's (0: none). Where the OS has no named pipes and no /dev/zero
// (Windows) the test is skipped.
func Make(t testing.TB, size int64) NotFiles {
	t.Helper()
	if !HasFIFOs {
		t.Skip("no named pipes or /dev/zero on this OS")
	}
	dir := t.TempDir()
	n := NotFiles{Dir: dir, FIFO: filepath.Join(dir, "fifo"), Zero: filepath.Join(dir, "zero")}
	if err := Mkfifo(n.FIFO); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", n.Zero); err != nil {
		t.Fatal(err)
	}
	if size > 0 {
		n.Sparse = filepath.Join(dir, "sparse")
		if err := os.WriteFile(n.Sparse, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(n.Sparse, size); err != nil {
			t.Fatal(err)
		}
	}
	return n
}
