package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/client/safe"
)

// Size caps of the files segdash reads: a config file is a few lines, a key
// a few dozen characters. Anything bigger is a mistake (or /dev/zero).
const (
	MaxConfigSize = 1 << 20
	MaxKeySize    = 4 << 10
)

// maxExcerpt is the most characters of a bad value an error quotes.
const maxExcerpt = 40

// excerpt is s made safe for a terminal and cut to a short excerpt, so an
// error never echoes a 50 MB value; a value shaped like an API key is not
// quoted at all.
func excerpt(s string) string {
	if client.LooksLikeKey(s) {
		return keyNotShown
	}
	r := []rune(s)
	if len(r) > maxExcerpt {
		s = string(r[:maxExcerpt]) + "…"
	}
	return safe.Text(s)
}

// fileSettings are the settings the config file may hold, in the order
// `segdash config` lists them.
var fileSettings = [...]string{"endpoint", "api_key_file", "theme", "length", "refresh", "cache_ttl", "concurrency", "watchlists", "rules", "silences", "workspaces", "default_workspace"}

// fileValue is one scalar setting of the file, with its line.
type fileValue struct {
	raw  string
	line int
}

// configFile is the parsed config file.
type configFile struct {
	path       string
	values     map[string]fileValue
	watchlists []client.Watchlist
	watchLines map[string]int
	rules      []monitor.Rule
	silences   []monitor.Silence
	workspaces []Workspace
	// ruleWatchlists are the rules that target a watchlist, checked once
	// the whole file is read.
	ruleWatchlists []ruleRef
	// silenceWorkspaces are the silences of a whole workspace, checked
	// once the whole file is read.
	silenceWorkspaces []silenceRef
}

// fileError is a problem in the config file, with its line.
func fileError(path string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", path, line, fmt.Sprintf(format, args...))
}

// decodeOne parses b as exactly one YAML document; a second document is an
// error, not silently ignored.
func decodeOne(path string, b []byte) (*yaml.Node, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: not valid YAML: %v", path, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, fmt.Errorf("%s: not valid YAML: %v", path, err)
		}
		return nil, fileError(path, next.Line, "a second YAML document (after ---); the config file holds one")
	}
	return &doc, nil
}

// readConfigFile parses the config file. A missing file is (nil, nil).
func readConfigFile(path string) (*configFile, error) {
	b, err := client.ReadRegularFile(path, MaxConfigSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config file %s: %v", path, err)
	}
	cf := &configFile{path: path, values: map[string]fileValue{}}
	doc, err := decodeOne(path, b)
	if err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return cf, nil // empty or comments only
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fileError(path, top.Line, "the file must be a mapping of settings (%s)", strings.Join(fileSettings[:], ", "))
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "watchlists":
			if err := cf.parseWatchlists(v); err != nil {
				return nil, err
			}
		case "rules":
			if err := cf.parseRules(v); err != nil {
				return nil, err
			}
		case "silences":
			if err := cf.parseSilences(v); err != nil {
				return nil, err
			}
		case "workspaces":
			if err := cf.parseWorkspaces(v); err != nil {
				return nil, err
			}
		case "api_key", "apikey", "key":
			return nil, fileError(path, k.Line, "%s: the API key itself does not belong in the config file; name a file holding it with api_key_file (chmod 600), or set BRAZE_API_KEY", k.Value)
		default:
			if !slices.Contains(fileSettings[:], k.Value) {
				return nil, fileError(path, k.Line, "unknown setting %q; valid settings: %s", excerpt(k.Value), strings.Join(fileSettings[:], ", "))
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
	if err := cf.checkDefaultWorkspace(); err != nil {
		return nil, err
	}
	if err := cf.checkSilenceWorkspaces(); err != nil {
		return nil, err
	}
	return cf, cf.checkRuleWatchlists()
}

func (cf *configFile) parseWatchlists(v *yaml.Node) error {
	path := cf.path
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return fileError(path, v.Line, "watchlists: want a mapping of names to lists of segment ids or names")
	}
	cf.watchLines = map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		name, list := v.Content[i], v.Content[i+1]
		if strings.TrimSpace(name.Value) == "" {
			return fileError(path, name.Line, "watchlists: a watchlist needs a name")
		}
		if _, dup := cf.watchLines[name.Value]; dup {
			return fileError(path, name.Line, "watchlists: %q is defined twice", excerpt(name.Value))
		}
		cf.watchLines[name.Value] = name.Line
		if list.Kind != yaml.SequenceNode {
			return fileError(path, list.Line, "watchlists: %s: want a list of segment ids or exact names", excerpt(name.Value))
		}
		wl := client.Watchlist{Name: name.Value}
		for _, item := range list.Content {
			if item.Kind != yaml.ScalarNode || strings.TrimSpace(item.Value) == "" {
				return fileError(path, item.Line, "watchlists: %s: each entry is a segment id or name", excerpt(name.Value))
			}
			wl.Segments = append(wl.Segments, item.Value)
		}
		cf.watchlists = append(cf.watchlists, wl)
	}
	return nil
}

// ReadKeyFile reads an API key file (named by source) and warns when
// others can read it.
func ReadKeyFile(path, source string) (key, warning string, err error) {
	if client.LooksLikeKey(path) {
		return "", "", fmt.Errorf("API key file (%s): %s", source, keyFileIsKey)
	}
	b, err := client.ReadRegularFile(path, MaxKeySize)
	if err != nil {
		return "", "", fmt.Errorf("API key file %s (%s): %v", path, source, err)
	}
	st, err := os.Stat(path)
	if err != nil { // swapped since it was read: the error names it
		return "", "", fmt.Errorf("API key file (%s): %v", source, err)
	}
	key = strings.TrimSpace(string(b))
	if key == "" {
		return "", "", fmt.Errorf("API key file %s (%s) is empty", path, source)
	}
	return key, keyModeWarning(path, st.Mode()), nil
}

// keyFileIsKey says that api_key_file holds a key, not a file's name.
const keyFileIsKey = "the value looks like an API key itself (not shown), not the name of a file holding one: " +
	"put the key in a file (chmod 600) and name that file (for a file named like a key, write ./NAME)"

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}
