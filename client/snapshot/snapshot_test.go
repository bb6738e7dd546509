package snapshot_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
)

// fixedNow is the tests' clock.
var fixedNow = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

func TestWriteFileAtomicInterrupted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "file.json")
	os.WriteFile(path, []byte("old and whole"), 0o600)
	boom := errors.New("interrupted")
	err := snapshot.WriteFileAtomic(path, 0o600, func(w io.Writer) error {
		w.Write([]byte("new but ha"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old and whole" {
		t.Errorf("old file damaged: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := snapshot.WriteFileAtomic(path, 0o600, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("not replaced: %q", b)
	}
}

func TestStorePerEndpointAndSetAside(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return fixedNow }
	us := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", now)
	eu := snapshot.NewStore(dir, "https://rest.fra-01.braze.eu", now)
	if us.Path() == eu.Path() {
		t.Fatal("two workspaces share a snapshot file")
	}
	if snap, err := us.Load(); snap != nil || err != nil {
		t.Fatalf("no file: %v %v", snap, err)
	}
	day := client.DateOf(fixedNow)
	want := &snapshot.Snapshot{Segments: []client.Segment{{ID: "a", Name: "A"}},
		Series: []snapshot.Series{{SegmentID: "a", Length: 2, Fetched: fixedNow, Points: []client.Point{{Day: day, Size: 5}}}}}
	if err := us.Save(want); err != nil {
		t.Fatal(err)
	}
	got, err := us.Load()
	if err != nil || len(got.Segments) != 1 || got.Series[0].Points[0].Size != 5 || got.Series[0].Points[0].Day != day {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	if st, _ := os.Stat(us.Path()); st.Mode().Perm() != 0o600 {
		t.Errorf("snapshot mode %v", st.Mode().Perm())
	}
	if snap, _ := eu.Load(); snap != nil {
		t.Error("the EU workspace sees the US one's data")
	}
	// A foreign file under our name (copied by hand, say) is set aside.
	b, _ := os.ReadFile(us.Path())
	os.WriteFile(eu.Path(), b, 0o600)
	if snap, err := eu.Load(); snap != nil || !errors.Is(err, snapshot.ErrSetAside) || !strings.Contains(err.Error(), "another workspace") {
		t.Errorf("foreign: %v %v", snap, err)
	}
	// A corrupt one too, and the next start is clean.
	os.WriteFile(us.Path(), []byte(`{"version":1,"segm`), 0o600)
	if snap, err := us.Load(); snap != nil || !errors.Is(err, snapshot.ErrSetAside) {
		t.Errorf("corrupt: %v %v", snap, err)
	}
	if snap, err := us.Load(); snap != nil || err != nil {
		t.Errorf("after setting aside: %v %v", snap, err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "*.bad-*"))
	if len(matches) != 2 {
		t.Errorf("set-aside files: %v", matches)
	}
}
