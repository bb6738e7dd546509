package config

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
)

// silenceKeys are the keys a silence may have: one target, the last day
// silenced and the reason.
var silenceKeys = [...]string{"segment", "tag", "workspace", "until", "reason"}

// silenceRef is a silence of a whole workspace, checked once every
// workspace is known.
type silenceRef struct {
	workspace string
	line      int
}

// parseSilences reads a `silences:` list. Every error names the file, the
// line and the valid values.
func (cf *configFile) parseSilences(v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return fileError(cf.path, v.Line, "silences: want a list of silences, each a mapping with one of segment, tag or workspace, until (YYYY-MM-DD) and reason")
	}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			return fileError(cf.path, item.Line, "silences: each silence is a mapping with one of segment, tag or workspace, until (YYYY-MM-DD) and reason")
		}
		s, err := cf.parseSilence(item)
		if err != nil {
			return err
		}
		cf.silences = append(cf.silences, s)
	}
	return nil
}

func (cf *configFile) parseSilence(m *yaml.Node) (monitor.Silence, error) {
	var s monitor.Silence
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			return s, fileError(cf.path, k.Line, "silence: %s is set twice", excerpt(k.Value))
		}
		seen[k.Value] = true
		if !slices.Contains(silenceKeys[:], k.Value) {
			return s, fileError(cf.path, k.Line, "silence: unknown key %q; valid keys: %s", excerpt(k.Value), strings.Join(silenceKeys[:], ", "))
		}
		if v.Kind != yaml.ScalarNode {
			return s, fileError(cf.path, v.Line, "silence: %s: want a single value", k.Value)
		}
		val := strings.TrimSpace(v.Value)
		if val == "" {
			return s, fileError(cf.path, v.Line, "silence: %s: want a value, got none", k.Value)
		}
		switch k.Value {
		case "segment":
			s.Segment = val
		case "tag":
			s.Tag = val
		case "workspace":
			s.Workspace = val
			cf.silenceWorkspaces = append(cf.silenceWorkspaces, silenceRef{workspace: val, line: v.Line})
		case "until":
			d, err := client.ParseDate(val)
			if err != nil {
				return s, fileError(cf.path, v.Line, "silence: until: want the last day silenced as YYYY-MM-DD, got %q", excerpt(val))
			}
			s.Until = d
		case "reason":
			s.Reason = val
		}
	}
	if err := s.Validate(); err != nil {
		return s, fileError(cf.path, m.Line, "%v", err)
	}
	return s, nil
}

// checkSilenceWorkspaces reports a silence of a workspace that the file
// does not define.
func (cf *configFile) checkSilenceWorkspaces() error {
	for _, ref := range cf.silenceWorkspaces {
		if !slices.ContainsFunc(cf.workspaces, func(w Workspace) bool { return w.Name == ref.workspace }) {
			return fileError(cf.path, ref.line, "silence: no workspace %q; %s", excerpt(ref.workspace), workspaceNames(cf.workspaces))
		}
	}
	return nil
}
