package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

// probeTimeout bounds `segdash workspaces --check`'s one request per key.
const probeTimeout = 15 * time.Second

func (a *app) newWorkspacesCmd() *cobra.Command {
	var check bool
	cmd := &cobra.Command{
		Use:   "workspaces",
		Short: "List the configured workspaces; --check asks each key whether it answers",
		Long: `workspaces lists the workspaces of the config file (name, endpoint, where the key
comes from; never the key) and the unnamed one of the environment or the top-level
settings. With --check it sends each key one cheap request (page 0 of segments/list)
to its own endpoint and says whether it answers: ok, unauthorized, forbidden or
unreachable.

Exit codes: 0 all good; 2 a configuration error, or (with --check) a key that failed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runWorkspaces(cmd, check)
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "send each workspace's key one request (segments/list, page 0) and say whether it answers")
	return cmd
}

// workspaceRow is one workspace of `segdash workspaces` and its
// configuration.
type workspaceRow struct {
	output.WorkspaceRow
	cfg config.Config
	err error
}

func (a *app) runWorkspaces(cmd *cobra.Command, check bool) error {
	base, err := a.resolveBase(cmd)
	if err != nil {
		return err
	}
	printWarnings(a.errw, base)
	rows := workspaceRows(base)
	if len(rows) == 0 {
		_, err := fmt.Fprintf(a.out, "no workspaces: %s defines none and no BRAZE_API_KEY is set (the dashboard runs on demo data)\n", base.File)
		return writeError(err)
	}
	failed := 0
	out := make([]output.WorkspaceRow, len(rows))
	for i, r := range rows {
		if check {
			r.Answer = "error: " + fmt.Sprint(r.err)
			if r.err == nil {
				r.Answer = client.Probe(cmd.Context(), r.cfg.Endpoint, r.cfg.APIKey, "segdash/"+version(), probeTimeout)
			}
			if r.Answer != "ok" {
				failed++
			}
		}
		out[i] = r.WorkspaceRow
	}
	if err := output.WriteWorkspaces(a.out, out, check); err != nil {
		return writeError(err)
	}
	if failed > 0 {
		return &codeError{code: exitError, err: fmt.Errorf("%d of %d workspaces did not answer", failed, len(rows))}
	}
	return nil
}

// endpointText is an endpoint as written with the URL it resolves to,
// "US-03 (https://rest.iad-03.braze.com)", or the URL alone when it was
// written as one.
func endpointText(written, url string) string {
	if strings.EqualFold(strings.TrimRight(written, "/"), strings.TrimRight(url, "/")) {
		return url
	}
	return written + " (" + url + ")"
}

// workspaceRows lists the unnamed workspace (when it has a key) and every
// named one, with where its key comes from.
func workspaceRows(base config.Config) []workspaceRow {
	var rows []workspaceRow
	if unnamed, err := base.Select(""); err != nil || !unnamed.Demo {
		rows = append(rows, workspaceRow{WorkspaceRow: output.WorkspaceRow{Name: "(unnamed)", Endpoint: unnamed.Endpoint,
			KeyFrom: unnamed.Source("api_key"), Default: base.DefaultWorkspace == "(unnamed)"}, cfg: unnamed, err: err})
	}
	for _, w := range base.Workspaces {
		r := workspaceRow{WorkspaceRow: output.WorkspaceRow{Name: w.Name, Endpoint: endpointText(w.Endpoint, w.EndpointURL),
			KeyFrom: w.KeySource(), Default: w.Name == base.DefaultWorkspace}}
		r.cfg, r.err = base.Select(w.Name)
		rows = append(rows, r)
	}
	return rows
}
