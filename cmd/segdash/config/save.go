package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/safe"
	"github.com/segdash/segdash/client/snapshot"
)

// SaveWatchlist writes segs as watchlist name into the config file at path,
// replacing a watchlist of that name or adding one. The rest of the file,
// comments included, is kept; each id gets the segment's name as a
// comment. A symlinked file is written through (the link stays, its target
// changes); a read-only file is refused. The file is replaced atomically:
// never half-written.
func SaveWatchlist(path, name string, segs []client.Segment) error {
	return SaveWorkspaceWatchlist(path, "", name, segs)
}

// SaveWorkspaceWatchlist is SaveWatchlist into the `watchlists:` of the
// entry of workspace in the file's `workspaces:` ("" = the top-level
// `watchlists:`, the unnamed workspace's). A workspace the file does not
// define is an error and nothing is written.
func SaveWorkspaceWatchlist(path, workspace, name string, segs []client.Segment) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("a watchlist needs a name")
	}
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
	putWatchlist(top, name, segs)
	var out bytes.Buffer
	out.Write(prefix)
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return err
	}
	return snapshot.WriteFileAtomic(target, perm, func(w io.Writer) error {
		_, err := w.Write(out.Bytes())
		return err
	})
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
		return "", 0, nil, fmt.Errorf("%s is read-only (mode %04o): the watchlist was not saved; make it writable (chmod u+w) to save watchlists there", path, st.Mode().Perm())
	}
	old, err = client.ReadRegularFile(target, MaxConfigSize)
	if err != nil {
		return "", 0, nil, fmt.Errorf("%s: %v; not rewritten", path, err)
	}
	return target, st.Mode().Perm(), old, nil
}

// putWatchlist sets watchlist name in the settings mapping top.
func putWatchlist(top *yaml.Node, name string, segs []client.Segment) {
	lists := mappingValue(top, "watchlists")
	switch {
	case lists == nil:
		lists = &yaml.Node{Kind: yaml.MappingNode}
		top.Content = append(top.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "watchlists"}, lists)
	case lists.Kind != yaml.MappingNode:
		*lists = yaml.Node{Kind: yaml.MappingNode}
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range segs {
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
