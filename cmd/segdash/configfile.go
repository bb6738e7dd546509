package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/snapshot"
	"github.com/segdash/segdash/ui/output"
)

// fileSettings are the settings the config file may hold, in the order
// `segdash config` lists them.
var fileSettings = []string{"endpoint", "api_key_file", "theme", "length", "refresh", "cache_ttl", "concurrency", "watchlists"}

// fileValue is one scalar setting of the file, with its line.
type fileValue struct {
	raw  string
	line int
}

// Watchlist is a named list of segment ids or exact names.
type Watchlist struct {
	Name     string
	Segments []string
	Line     int
}

// configFile is the parsed config file.
type configFile struct {
	path       string
	values     map[string]fileValue
	watchlists []Watchlist
}

// fileError is a problem in the config file, with its line.
func fileError(path string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", path, line, fmt.Sprintf(format, args...))
}

// readConfigFile parses the config file. A missing file is (nil, nil).
func readConfigFile(path string) (*configFile, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	cf := &configFile{path: path, values: map[string]fileValue{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: not valid YAML: %v", path, err)
	}
	if len(doc.Content) == 0 {
		return cf, nil // empty or comments only
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fileError(path, top.Line, "the file must be a mapping of settings (%s)", strings.Join(fileSettings, ", "))
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "watchlists":
			wl, err := parseWatchlists(path, v)
			if err != nil {
				return nil, err
			}
			cf.watchlists = wl
		case "api_key", "apikey", "key":
			return nil, fileError(path, k.Line, "%s: the API key itself does not belong in the config file; name a file holding it with api_key_file (chmod 600), or set BRAZE_API_KEY", k.Value)
		default:
			if !slices.Contains(fileSettings, k.Value) {
				return nil, fileError(path, k.Line, "unknown setting %q; valid settings: %s", output.SafeText(k.Value), strings.Join(fileSettings, ", "))
			}
			if v.Kind != yaml.ScalarNode {
				return nil, fileError(path, v.Line, "%s: want a single value", k.Value)
			}
			if _, dup := cf.values[k.Value]; dup {
				return nil, fileError(path, k.Line, "%s is set twice", k.Value)
			}
			cf.values[k.Value] = fileValue{raw: v.Value, line: v.Line}
		}
	}
	return cf, nil
}

func parseWatchlists(path string, v *yaml.Node) ([]Watchlist, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.MappingNode {
		return nil, fileError(path, v.Line, "watchlists: want a mapping of names to lists of segment ids or names")
	}
	var out []Watchlist
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		name, list := v.Content[i], v.Content[i+1]
		if strings.TrimSpace(name.Value) == "" {
			return nil, fileError(path, name.Line, "watchlists: a watchlist needs a name")
		}
		if seen[name.Value] {
			return nil, fileError(path, name.Line, "watchlists: %q is defined twice", output.SafeText(name.Value))
		}
		seen[name.Value] = true
		if list.Kind != yaml.SequenceNode {
			return nil, fileError(path, list.Line, "watchlists: %s: want a list of segment ids or exact names", output.SafeText(name.Value))
		}
		wl := Watchlist{Name: name.Value, Line: name.Line}
		for _, item := range list.Content {
			if item.Kind != yaml.ScalarNode || strings.TrimSpace(item.Value) == "" {
				return nil, fileError(path, item.Line, "watchlists: %s: each entry is a segment id or name", output.SafeText(name.Value))
			}
			wl.Segments = append(wl.Segments, item.Value)
		}
		out = append(out, wl)
	}
	return out, nil
}

// saveWatchlist writes segs as watchlist name into the config file at path,
// replacing a watchlist of that name or adding one. The rest of the file,
// comments included, is kept; each id gets the segment's name as a comment.
// The file is replaced atomically: never half-written.
func saveWatchlist(path, name string, segs []client.Segment) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("a watchlist needs a name")
	}
	var doc yaml.Node
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	default:
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return fmt.Errorf("%s: not valid YAML, not rewritten: %v", path, err)
		}
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: not a mapping of settings, not rewritten", path)
	}
	lists := mappingValue(top, "watchlists")
	if lists == nil || lists.Kind != yaml.MappingNode {
		if lists == nil {
			lists = &yaml.Node{Kind: yaml.MappingNode}
			top.Content = append(top.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "watchlists"}, lists)
		} else {
			*lists = yaml.Node{Kind: yaml.MappingNode}
		}
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range segs {
		item := &yaml.Node{Kind: yaml.ScalarNode, Value: s.ID}
		if s.Name != "" {
			item.LineComment = "# " + output.SafeText(s.Name)
		}
		seq.Content = append(seq.Content, item)
	}
	if old := mappingValue(lists, name); old != nil {
		*old = *seq
	} else {
		lists.Content = append(lists.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: name}, seq)
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	perm := os.FileMode(0o600)
	if st, err := os.Stat(path); err == nil {
		perm = st.Mode().Perm()
	}
	return snapshot.WriteFileAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(out.Bytes())
		return err
	})
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
