package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/cli"
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
		Long:  cli.WorkspacesLong,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runWorkspaces(cmd, check)
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "send each workspace's key one request (segments/list, page 0) and say whether it answers")
	return cmd
}

func (a *app) runWorkspaces(cmd *cobra.Command, check bool) error {
	base, err := a.resolveBase(cmd)
	if err != nil {
		return err
	}
	printWarnings(a.errw, base)
	rows := config.ListWorkspaces(base)
	if len(rows) == 0 {
		_, err := fmt.Fprintf(a.out, "no workspaces: %s defines none and no BRAZE_API_KEY is set (the dashboard runs on demo data)\n", base.File)
		return cli.WriteError(err)
	}
	failed := 0
	out := make([]output.WorkspaceRow, len(rows))
	for i, r := range rows {
		out[i] = output.WorkspaceRow{Name: r.Name, Endpoint: r.Endpoint, KeyFrom: r.KeyFrom, Default: r.Default}
		if check {
			out[i].Answer = "error: " + fmt.Sprint(r.Err)
			if r.Err == nil {
				out[i].Answer = client.Probe(cmd.Context(), r.Config.Endpoint, r.Config.APIKey, "segdash/"+version(), probeTimeout)
			}
			if out[i].Answer != "ok" {
				failed++
			}
		}
	}
	if err := output.WriteWorkspaces(a.out, out, check); err != nil {
		return cli.WriteError(err)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d workspaces did not answer", failed, len(rows))
	}
	return nil
}
