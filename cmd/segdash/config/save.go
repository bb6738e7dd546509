package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/safe"
	"github.com/segdash/segdash/client/snapshot"
)

// SaveWatchlist writes segs as watchlist name into the config file at path,
// replacing a watchlist of that name or adding one. The rest of the file,
// comments included, is kept; each id gets the segment's name as a
// comment. A symlinked file is written through (the link stays, its target
// changes), a hard-linked one in place (every link keeps it); a read-only
// file is refused. The file is locked while it is read and replaced, so
// watchlists other processes save meanwhile are kept; it is replaced
// atomically (never half-written) unless it is hard-linked.
func SaveWatchlist(path, name string, segs []client.Segment) error {
	return SaveWorkspaceWatchlist(path, "", name, segs)
}

// SaveWorkspaceWatchlist is SaveWatchlist into the `watchlists:` of the
// entry of workspace in the file's `workspaces:` ("" = the top-level
// `watchlists:`, the unnamed workspace's). A workspace the file does not
// define is an error and nothing is written.
func SaveWorkspaceWatchlist(path, workspace, name string, segs []client.Segment) error {
	_, err := saveWatchlist(path, workspace, name, segs, nil)
	return err
}

// WatchlistSaver saves the watchlists of one process into one config file.
// It remembers each watchlist as this process last read or saved it, so
// that a change another process made meanwhile to the same watchlist is
// refused with a message instead of being overwritten; watchlists of other
// names saved meanwhile are kept.
type WatchlistSaver struct {
	path, workspace string
	mu              sync.Mutex
	seen            map[string][]string
}

// NewWatchlistSaver saves into the file at path, in workspace ("" for the
// top level), knowing the watchlists loaded with the configuration.
func NewWatchlistSaver(path, workspace string, loaded []client.Watchlist) *WatchlistSaver {
	seen := map[string][]string{}
	for _, w := range loaded {
		seen[w.Name] = slices.Clone(w.Segments)
	}
	return &WatchlistSaver{path: path, workspace: workspace, seen: seen}
}

// Save writes segs as watchlist name, unless another process changed that
// watchlist since this one read it.
func (s *WatchlistSaver) Save(name string, segs []client.Segment) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	base, known := s.seen[name]
	check := func(current []string, exists bool) error {
		if exists != known || (known && !slices.Equal(current, base)) {
			return fmt.Errorf("watchlist %q was changed in %s by another segdash since this one read it: not saved; restart segdash to see that change, then save again", excerpt(name), s.path)
		}
		return nil
	}
	saved, err := saveWatchlist(s.path, s.workspace, name, segs, check)
	if err == nil {
		s.seen[name] = saved
	}
	return err
}

// saveWatchlist writes the watchlist; check, when set, is shown the
// watchlist's entries as the file holds them now and may refuse the save.
// It returns the entries written.
func saveWatchlist(path, workspace, name string, segs []client.Segment, check func(current []string, exists bool) error) ([]string, error) {
	if strings.TrimSpace(name) == "" {
		return nil, errors.New("a watchlist needs a name")
	}
	var written []string
	err := rewriteConfig(path, func(top *yaml.Node) error {
		if workspace != "" {
			var entry *yaml.Node
			if ws := mappingValue(top, "workspaces"); ws != nil && ws.Kind == yaml.MappingNode {
				entry = mappingValue(ws, workspace)
			}
			if entry == nil || entry.Kind != yaml.MappingNode {
				return fmt.Errorf("%s: no workspace %q in the file: the watchlist was not saved", path, excerpt(workspace))
			}
			top = entry
		}
		if check != nil {
			current, exists := watchlistEntries(top, name)
			if err := check(current, exists); err != nil {
				return err
			}
		}
		written = putWatchlist(top, name, segs)
		return nil
	})
	return written, err
}

// rewriteConfig applies edit to the settings mapping of the config file at
// path and writes the file again, keeping its comments. The file is locked
// while it is read and replaced, so what other segdash processes write
// meanwhile is kept; it is replaced atomically (never half-written) unless
// it is hard-linked, when it is rewritten in place so every link keeps it.
// A symlinked file is written through; a read-only one is refused.
func rewriteConfig(path string, edit func(top *yaml.Node) error) error {
	target := path
	if t, err := filepath.EvalSymlinks(path); err == nil {
		target = t
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return err
	}
	unlock, err := snapshot.LockFile(target + ".lock")
	if err != nil {
		return fmt.Errorf("%s: cannot lock it to rewrite it: %v", path, err)
	}
	defer unlock()
	target, perm, old, err := saveTarget(path)
	if err != nil {
		return err
	}
	doc, err := decodeOne(path, old)
	if err != nil {
		return fmt.Errorf("%w; not rewritten", err)
	}
	// A file of comments only parses to nothing: keep its text as it is
	// and append the new mapping.
	prefix := []byte(nil)
	if len(doc.Content) == 0 {
		if len(bytes.TrimSpace(old)) > 0 {
			prefix = old
			if !bytes.HasSuffix(prefix, []byte("\n")) {
				prefix = append(prefix, '\n')
			}
		}
		*doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: not a mapping of settings, not rewritten", path)
	}
	if err := edit(top); err != nil {
		return err
	}
	var out bytes.Buffer
	out.Write(prefix)
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if hardLinked(target) {
		return rewriteInPlace(target, out.Bytes())
	}
	return snapshot.WriteFileAtomic(target, perm, func(w io.Writer) error {
		_, err := w.Write(out.Bytes())
		return err
	})
}

// watchlistEntries returns the entries of watchlist name in the settings
// mapping top, and whether it is there.
func watchlistEntries(top *yaml.Node, name string) ([]string, bool) {
	lists := mappingValue(top, "watchlists")
	if lists == nil || lists.Kind != yaml.MappingNode {
		return nil, false
	}
	seq := mappingValue(lists, name)
	if seq == nil {
		return nil, false
	}
	var out []string
	for _, item := range seq.Content {
		out = append(out, item.Value)
	}
	return out, true
}

// rewriteInPlace replaces the contents of a hard-linked file without
// replacing the file, so every link keeps it; the lock keeps other segdash
// processes from reading it half-written.
func rewriteInPlace(target string, data []byte) error {
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// saveTarget follows path's symlinks to the file to rewrite and reads it:
// its mode is kept; a new file is private. A read-only file is refused.
func saveTarget(path string) (target string, perm os.FileMode, old []byte, err error) {
	target, perm = path, 0o600
	if t, err := filepath.EvalSymlinks(path); err == nil {
		target = t
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return target, perm, nil, nil
	case err != nil:
		return "", 0, nil, err
	}
	if st.Mode().Perm()&0o200 == 0 {
		return "", 0, nil, fmt.Errorf("%s is read-only (mode %04o): not rewritten; make it writable (chmod u+w) to save watchlists or silences there", path, st.Mode().Perm())
	}
	old, err = client.ReadRegularFile(target, MaxConfigSize)
	if err != nil {
		return "", 0, nil, fmt.Errorf("%s: %v; not rewritten", path, err)
	}
	return target, st.Mode().Perm(), old, nil
}

// putWatchlist sets watchlist name in the settings mapping top and returns
// the entries written.
func putWatchlist(top *yaml.Node, name string, segs []client.Segment) []string {
	lists := childOf(top, "watchlists", yaml.MappingNode)
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	written := make([]string, 0, len(segs))
	for _, s := range segs {
		written = append(written, s.ID)
		item := &yaml.Node{Kind: yaml.ScalarNode, Value: s.ID}
		if s.Name != "" {
			item.LineComment = "# " + safe.Text(s.Name)
		}
		seq.Content = append(seq.Content, item)
	}
	if old := mappingValue(lists, name); old != nil {
		*old = *seq
	} else {
		lists.Content = append(lists.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name}, seq)
	}
	return written
}

// childOf returns the value of key in the settings mapping top as a node
// of kind, adding it when missing and emptying one of another kind.
func childOf(top *yaml.Node, key string, kind yaml.Kind) *yaml.Node {
	n := mappingValue(top, key)
	switch {
	case n == nil:
		n = &yaml.Node{Kind: kind}
		top.Content = append(top.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, n)
	case n.Kind != kind:
		*n = yaml.Node{Kind: kind}
	}
	return n
}

// mappingValue returns the value node of key in a mapping node, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
