package config

import (
	"fmt"
	"slices"
)

// AllWorkspaces is the --workspace value that names every workspace.
const AllWorkspaces = "all"

// WorkspacesNamed are the workspaces names (the --workspace values) ask
// for, each once, in order; AllWorkspaces stands for every workspace of
// base and is given alone. None when base names no workspace: all is then
// the one workspace there is.
func WorkspacesNamed(base Config, names []string) ([]string, error) {
	if slices.Contains(names, AllWorkspaces) {
		if len(names) > 1 {
			return nil, fmt.Errorf("--workspace all scans every workspace: give it alone")
		}
		names = base.WorkspaceNames()
	}
	var out []string
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}
