package snapshot_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/filetest"
	"github.com/segdash/segdash/client/snapshot"
)

// dirState lists dir's entries with their sizes and times: what Peek must
// leave as it found.
func dirState(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		fi, err := os.Lstat(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e.Name()+" "+fi.Mode().String()+" "+fi.ModTime().String())
	}
	return out
}

// TestPeekReadsTheListing: Peek returns the saved listing and when it was
// listed, tags without empty ones, and takes no lock (no file appears).
func TestPeekReadsTheListing(t *testing.T) {
	dir := t.TempDir()
	st := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", "key", func() time.Time { return fixedNow })
	writeSnapshot(t, st, "https://rest.iad-01.braze.com", "key", &snapshot.Snapshot{ListedAt: fixedNow,
		Segments: []client.Segment{{ID: "a", Name: "A", Tags: []string{"", "etl"}}, {ID: "b", Name: "B"}}})
	before := dirState(t, dir)
	segs, listed, ok := st.Peek()
	if !ok || len(segs) != 2 || segs[0].Name != "A" || !slices.Equal(segs[0].Tags, []string{"etl"}) || !listed.Equal(fixedNow) {
		t.Errorf("Peek: %v %v %v", segs, listed, ok)
	}
	if after := dirState(t, dir); !slices.Equal(before, after) {
		t.Errorf("Peek changed the directory: %v, then %v", before, after)
	}
}

// TestPeekLeavesBadFilesAlone: a corrupt, outdated or foreign file, a FIFO
// or a link to /dev/zero give nothing, at once, and stay where they are,
// unrenamed, with no lock file beside them: setting aside is Load's.
func TestPeekLeavesBadFilesAlone(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(st *snapshot.Store) error
	}{
		{"missing", func(*snapshot.Store) error { return nil }},
		{"corrupt", func(st *snapshot.Store) error { return os.WriteFile(st.Path(), []byte("{not json"), 0o600) }},
		{"outdated", func(st *snapshot.Store) error {
			return os.WriteFile(st.Path(), []byte(`{"version":1,"segments":[{"id":"a","name":"A"}]}`), 0o600)
		}},
		{"foreign", func(st *snapshot.Store) error {
			return os.WriteFile(st.Path(), []byte(`{"version":2,"endpoint":"https://rest.fra-01.braze.eu","segments":[{"id":"a","name":"A"}]}`), 0o600)
		}},
		{"fifo", func(st *snapshot.Store) error {
			if !filetest.HasFIFOs {
				return nil
			}
			return filetest.Mkfifo(st.Path())
		}},
		{"/dev/zero", func(st *snapshot.Store) error { return os.Symlink("/dev/zero", st.Path()) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			st := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", "key", func() time.Time { return fixedNow })
			if err := tc.make(st); err != nil {
				t.Fatal(err)
			}
			before := dirState(t, dir)
			if segs, _, ok := st.Peek(); ok || segs != nil {
				t.Errorf("Peek: %v %v", segs, ok)
			}
			if after := dirState(t, dir); !slices.Equal(before, after) {
				t.Errorf("Peek changed the directory: %v, then %v", before, after)
			}
		})
	}
}
