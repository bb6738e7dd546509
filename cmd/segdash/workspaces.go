package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
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

// workspaceRow is one line of `segdash workspaces`.
type workspaceRow struct {
	name, endpoint, key, status string
	cfg                         config.Config
	err                         error
}

func (a *app) runWorkspaces(cmd *cobra.Command, check bool) error {
	base, err := a.resolveBase(cmd)
	if err != nil {
		return err
	}
	printWarnings(a.errw, base)
	rows := workspaceRows(base)
	failed := 0
	if check {
		for i := range rows {
			rows[i].status = a.probe(cmd.Context(), rows[i])
			if rows[i].status != "ok" {
				failed++
			}
		}
	}
	writeWorkspaces(a.out, base, rows, check)
	if failed > 0 {
		return &codeError{code: exitError, err: fmt.Errorf("%d of %d workspaces did not answer", failed, len(rows))}
	}
	return nil
}

// workspaceRows lists the unnamed workspace (when it has a key) and every
// named one, with where its key comes from.
func workspaceRows(base config.Config) []workspaceRow {
	var rows []workspaceRow
	if unnamed, err := base.Select(""); err != nil || !unnamed.Demo {
		r := workspaceRow{name: "(unnamed)", endpoint: unnamed.Endpoint, key: unnamed.Source("api_key"), cfg: unnamed, err: err}
		rows = append(rows, r)
	}
	for _, w := range base.Workspaces {
		r := workspaceRow{name: w.Name, endpoint: w.Endpoint + " (" + w.EndpointURL + ")", key: w.KeySource()}
		r.cfg, r.err = base.Select(w.Name)
		rows = append(rows, r)
	}
	return rows
}

// probe sends the workspace's key one request to its own endpoint, with no
// retries, and names the answer.
func (a *app) probe(ctx context.Context, r workspaceRow) string {
	if r.err != nil {
		return "error: " + r.err.Error()
	}
	c, err := client.New(r.cfg.Endpoint, r.cfg.APIKey, client.WithUserAgent("segdash/"+version()),
		client.WithRetries(0, 0), client.WithTimeout(probeTimeout), client.WithMaxRateWait(0))
	if err != nil {
		return "error: " + err.Error()
	}
	defer c.CloseIdleConnections()
	_, _, err = c.ListSegments(ctx, 0, client.SortAsc)
	switch {
	case err == nil, errors.Is(err, client.ErrRateLimited):
		return "ok" // a 429 is an answer: the key was accepted
	case errors.Is(err, client.ErrUnauthorized):
		return "unauthorized"
	case errors.Is(err, client.ErrForbidden):
		return "forbidden (the key lacks segments.list)"
	case errors.Is(err, client.ErrTransport):
		return "unreachable"
	}
	return "error: " + err.Error()
}

// writeWorkspaces prints the rows as a table, the default marked.
func writeWorkspaces(w io.Writer, base config.Config, rows []workspaceRow, check bool) {
	if len(rows) == 0 {
		fmt.Fprintf(w, "no workspaces: %s defines none and no BRAZE_API_KEY is set (the dashboard runs on demo data)\n", base.File)
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := "WORKSPACE\tENDPOINT\tKEY FROM"
	if check {
		head += "\tANSWER"
	}
	fmt.Fprintln(tw, head)
	for _, r := range rows {
		name := r.name
		if name == base.DefaultWorkspace {
			name += " (default)"
		}
		line := output.SafeText(name) + "\t" + output.SafeText(r.endpoint) + "\t" + output.SafeText(r.key)
		if check {
			line += "\t" + output.SafeText(r.status)
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
}
