package snapshot

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/segdash/segdash/client"
)

// peeked is the part of a snapshot file Peek reads: its owner and its
// listing, not its series.
type peeked struct {
	Version        int              `json:"version"`
	Endpoint       string           `json:"endpoint"`
	KeyFingerprint string           `json:"key_fingerprint"`
	ListedAt       time.Time        `json:"listed_at"`
	Segments       []client.Segment `json:"segments"`
}

// Peek reads the saved listing of the store's workspace, and when it was
// listed, for a reader that must change nothing, such as shell completion:
// it takes no lock, never sets a bad file aside, never writes. A missing,
// unreadable, corrupt, outdated or foreign file, or one that is no regular
// file, gives ok false; the next Load deals with it.
func (s *Store) Peek() (segs []client.Segment, listedAt time.Time, ok bool) {
	b, err := client.ReadRegularFile(s.path, MaxSize)
	if err != nil {
		return nil, time.Time{}, false
	}
	var p peeked
	if json.Unmarshal(b, &p) != nil || p.Version != snapshotVersion ||
		p.Endpoint != s.endpoint || p.KeyFingerprint != s.fingerprint {
		return nil, time.Time{}, false
	}
	for i := range p.Segments {
		p.Segments[i].Tags = slices.DeleteFunc(p.Segments[i].Tags, func(t string) bool { return t == "" })
	}
	return p.Segments, p.ListedAt, true
}
