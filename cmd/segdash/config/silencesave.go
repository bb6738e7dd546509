package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client/monitor"
)

// SaveSilence writes s into the top-level `silences:` of the config file
// at path, where it holds in every workspace. A silence of the same
// segment, tag or workspace is replaced (its day and reason updated), so
// extending one never leaves two; replaced says so. The rest of the file,
// comments included, is kept; the file is written as SaveWatchlist writes
// (symlinks written through, read-only refused, replaced atomically). A
// workspace the file does not define is an error and nothing is written.
func SaveSilence(path string, s monitor.Silence) (replaced bool, err error) {
	if err := s.Validate(); err != nil {
		return false, err
	}
	err = rewriteConfig(path, func(top *yaml.Node) error {
		if s.Workspace != "" {
			var entry *yaml.Node
			if ws := mappingValue(top, "workspaces"); ws != nil && ws.Kind == yaml.MappingNode {
				entry = mappingValue(ws, s.Workspace)
			}
			if entry == nil {
				return fmt.Errorf("%s: no workspace %q in the file: the silence was not saved", path, excerpt(s.Workspace))
			}
		}
		replaced = putSilence(top, s)
		return nil
	})
	return replaced, err
}

// putSilence adds s to the `silences:` list of the settings mapping top,
// or replaces the silence of the same target; it reports a replacement.
func putSilence(top *yaml.Node, s monitor.Silence) (replaced bool) {
	list := childOf(top, "silences", yaml.SequenceNode)
	key, value := "segment", s.Segment
	switch {
	case s.Tag != "":
		key, value = "tag", s.Tag
	case s.Workspace != "":
		key, value = "workspace", s.Workspace
	}
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	// The day is written plain (until: 2026-12-31), as a person writes it.
	until := &yaml.Node{Kind: yaml.ScalarNode, Value: s.Until.String()}
	item := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str(key), str(value), str("until"), until, str("reason"), str(s.Reason)}}
	for i, old := range list.Content {
		v := mappingValue(old, key)
		if old.Kind != yaml.MappingNode || v == nil || !sameTarget(key, v.Value, value) {
			continue
		}
		list.Content[i] = item
		return true
	}
	list.Content = append(list.Content, item)
	return false
}

// sameTarget says whether two silences' targets of kind key are the same:
// segment names and tags in any case, as Silence.Covers matches them.
func sameTarget(key, a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if key == "workspace" {
		return a == b
	}
	return strings.EqualFold(a, b)
}
