package snapshot_test

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/filetest"
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
	us := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", "key-us", now)
	eu := snapshot.NewStore(dir, "https://rest.fra-01.braze.eu", "key-eu", now)
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
	os.WriteFile(us.Path(), []byte(`{"version":2,"segm`), 0o600)
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

func TestStorePerKeyOnOneEndpoint(t *testing.T) {
	dir := t.TempDir()
	const endpoint = "https://rest.iad-01.braze.com"
	const keyA, keyB = "acc-key-0123456789abcdef", "acc-key-fedcba9876543210"
	a := snapshot.NewStore(dir, endpoint, keyA, nil)
	b := snapshot.NewStore(dir, endpoint, keyB, nil)
	if a.Path() == b.Path() {
		t.Fatal("two API keys on one endpoint share a snapshot file")
	}
	if err := a.Save(&snapshot.Snapshot{Segments: []client.Segment{{ID: "a", Name: "Workspace A only"}}}); err != nil {
		t.Fatal(err)
	}
	if snap, err := b.Load(); snap != nil || err != nil {
		t.Errorf("key B sees key A's snapshot: %+v %v", snap, err)
	}
	// The file names the key by fingerprint only: no run of the key's
	// characters beyond its public prefix appears in it or in its name.
	raw, _ := os.ReadFile(a.Path())
	for _, part := range []string{keyA, keyA[8:], snapshot.Fingerprint(keyA) + "x"} {
		if strings.Contains(string(raw)+a.Path(), part) {
			t.Errorf("snapshot holds %q", part)
		}
	}
	if !strings.Contains(string(raw), snapshot.Fingerprint(keyA)) {
		t.Error("snapshot lacks the key fingerprint it is checked by")
	}
	// A's file copied under B's name is refused, not shown.
	os.WriteFile(b.Path(), raw, 0o600)
	if snap, err := b.Load(); snap != nil || !errors.Is(err, snapshot.ErrSetAside) {
		t.Errorf("A's file under B's name: %+v %v", snap, err)
	}
	if snapshot.Fingerprint(keyA) == snapshot.Fingerprint(keyB) || len(snapshot.Fingerprint(keyA)) != 16 {
		t.Errorf("fingerprints %q %q", snapshot.Fingerprint(keyA), snapshot.Fingerprint(keyB))
	}
}

func TestLoadChecksSeries(t *testing.T) {
	day := client.DateOf(fixedNow)
	cases := []struct {
		name   string
		series snapshot.Series
		want   string // in the set-aside error; "" when the file loads
	}{
		{"negative", snapshot.Series{SegmentID: "a", Length: 2, Points: []client.Point{{Day: day, Size: -1}}}, "negative"},
		{"huge", snapshot.Series{SegmentID: "a", Length: 2, Points: []client.Point{{Day: day, Size: 5e18}}}, "implausible"},
		{"too many", snapshot.Series{SegmentID: "a", Length: 1, Points: []client.Point{{Day: day}, {Day: day.AddDays(1)}}}, "more than asked"},
		{"bad length", snapshot.Series{SegmentID: "a", Length: 0}, "out of range"},
		{"unordered", snapshot.Series{SegmentID: "a", Length: 3, Points: []client.Point{{Day: day, Size: 2}, {Day: day.AddDays(-1), Size: 1}, {Day: day, Size: 2}}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := snapshot.NewStore(t.TempDir(), "https://rest.iad-01.braze.com", "key", func() time.Time { return fixedNow })
			// Save writes checked series only: the bad ones never reach
			// the file that way.
			if err := st.Save(&snapshot.Snapshot{Series: []snapshot.Series{tc.series}}); err != nil {
				t.Fatal(err)
			}
			if snap, err := st.Load(); err != nil || len(snap.Series) != map[bool]int{true: 1, false: 0}[tc.want == ""] {
				t.Fatalf("after Save: %+v, %v; want only a checked series saved", snap, err)
			}
			// A file written otherwise (by hand, by an older segdash) is
			// checked as it loads.
			writeSnapshot(t, st, "https://rest.iad-01.braze.com", "key", &snapshot.Snapshot{Series: []snapshot.Series{tc.series}})
			snap, err := st.Load()
			if tc.want == "" {
				if err != nil || len(snap.Series[0].Points) != 2 || snap.Series[0].Points[0].Size != 1 || snap.Series[0].Points[1].Size != 2 {
					t.Errorf("loaded %+v, %v; want the points sorted, the repeated day dropped", snap, err)
				}
				return
			}
			if snap != nil || !errors.Is(err, snapshot.ErrSetAside) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load = %+v, %v; want it set aside for %q", snap, err, tc.want)
			}
		})
	}
}

// FuzzLoad: whatever the file holds, Load never panics; it either loads a
// snapshot whose series are clean, or sets the file aside.
func FuzzLoad(f *testing.F) {
	f.Add(`{"version":2,"endpoint":"e","key_fingerprint":"` + snapshot.Fingerprint("k") + `","series":[{"segment_id":"a","length":2,"points":[{"time":"2022-12-14","size":2},{"time":"2022-12-13","size":1}]}]}`)
	f.Add(`{"version":2,"endpoint":"e","key_fingerprint":"` + snapshot.Fingerprint("k") + `","series":[{"length":1,"points":[{"time":"2022-12-13","size":-1}]}]}`)
	f.Add(`{"version":1}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, content string) {
		dir := t.TempDir()
		st := snapshot.NewStore(dir, "e", "k", func() time.Time { return fixedNow })
		if err := os.WriteFile(st.Path(), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		snap, err := st.Load()
		if err != nil {
			if !errors.Is(err, snapshot.ErrSetAside) {
				t.Fatalf("err %v", err)
			}
			return
		}
		for _, s := range snap.Series {
			clean, dropped, err := client.CleanPoints(s.Points, s.Length)
			if err != nil || dropped != 0 || len(clean) != len(s.Points) {
				t.Fatalf("a loaded series is not clean: %+v", s)
			}
		}
	})
}

// TestLoadRefusesWhatIsNoFile: a snapshot path that is a FIFO, a symlink to
// /dev/zero, a directory or a file over MaxSize is set aside with a
// warning, never read (no hang, no out-of-memory crash); the next Save
// writes a regular file in its place, not through the old one.
func TestLoadRefusesWhatIsNoFile(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		make       func(path string) error
	}{
		{"fifo", "not a regular file (a FIFO)", filetest.Mkfifo},
		{"/dev/zero", "not a regular file (a device)", func(p string) error { return os.Symlink("/dev/zero", p) }},
		{"directory", "not a regular file (a directory)", func(p string) error { return os.Mkdir(p, 0o700) }},
		{"huge", "larger than", func(p string) error { return os.Truncate(p, snapshot.MaxSize+1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			st := snapshot.NewStore(dir, "https://rest.iad-01.braze.com", "key", func() time.Time { return fixedNow })
			if tc.name == "huge" {
				os.WriteFile(st.Path(), nil, 0o600)
			}
			if err := tc.make(st.Path()); err != nil {
				t.Fatal(err)
			}
			snap, err := st.Load()
			if snap != nil || !errors.Is(err, snapshot.ErrSetAside) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load: %v, %v; want set aside: %s", snap, err, tc.want)
			}
			if err := st.Save(&snapshot.Snapshot{Segments: []client.Segment{{ID: "a", Name: "A"}}}); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Lstat(st.Path()); err != nil || !fi.Mode().IsRegular() {
				t.Fatalf("after Save: %v %v", fi, err)
			}
			if snap, err := st.Load(); err != nil || len(snap.Segments) != 1 {
				t.Errorf("reload: %v %v", snap, err)
			}
		})
	}
}

// writeSnapshot writes snap to st's file as is, bypassing Save's checks.
func writeSnapshot(t *testing.T, st *snapshot.Store, endpoint, key string, snap *snapshot.Snapshot) {
	t.Helper()
	c := *snap
	c.Version, c.Endpoint, c.KeyFingerprint = 2, endpoint, snapshot.Fingerprint(key)
	b, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(st.Path(), b, 0o600); err != nil {
		t.Fatal(err)
	}
}
