package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/serving"
	"github.com/segdash/segdash/ui/sshserve"
)

// execOverSSH runs a one-shot `check` of an SSH session on its
// workspace's shared client, with check's own flags only: no --endpoint
// or --api-key-file from a remote user, so the server's key goes nowhere
// else. A check that could cost more than serving.CheckAsk requests asks
// for --yes first.
func (a *app) execOverSSH(ws serving.Workspaces) sshserve.ExecFunc {
	return func(ctx context.Context, workspace string, args, env []string, stdout, stderr io.Writer) int {
		if len(args) == 0 || args[0] != "check" {
			fmt.Fprint(stderr, serving.Usage)
			return cli.ExitError
		}
		w, ok := ws.Find(workspace)
		if !ok {
			fmt.Fprintf(stderr, "segdash: no workspace %q\n", workspace)
			return cli.ExitError
		}
		sa := &app{in: strings.NewReader(""), out: stdout, errw: stderr, getenv: sshserve.SessionEnv(a.getenv, env), now: a.now}
		cfg := w.Config
		cfg.HidePaths = true // a remote user is told of "the server's config file", not its path
		be := w.Backend
		shared := func(*cobra.Command) (*config.Backend, config.Config, func(), error) {
			return be, cfg, func() {}, nil
		}
		check := sa.newCheckCommand(shared)
		sa.registerColor(check) // the session's own --color, over its own environment
		check.Flags().Bool("yes", false, fmt.Sprintf("run a check that may cost more than %d API requests of the shared hourly budget", serving.CheckAsk))
		cli.SetUsageErrors(check)
		check.Example = serving.CheckExample
		cli.WrapHelp(check, cli.HelpWidth) // no terminal: the width help takes in a file
		if n, yes, ok := w.CheckCost(sa.newCheckCommand(shared).Flags(), args[1:]); ok {
			if why := serving.CheckRefusal(n, yes); why != "" {
				fmt.Fprint(stderr, why)
				return cli.ExitError
			}
		}
		return sa.execute(ctx, check, args[1:])
	}
}
