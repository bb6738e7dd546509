package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/sshserve"
)

// sshUsage is what a session without a terminal hears when it asks for
// anything but a check.
const sshUsage = "segdash: without a terminal only one-shot checks run here:\n" +
	"  ssh -p PORT HOST check [--format chart|spark|json|csv|nagios] [--length N] [--min N] [--max-drop PCT] [--rules] [--compare previous] SEGMENT...\n" +
	"for the dashboard, connect with a terminal: ssh -t -p PORT HOST\n"

// What one `check` over SSH may cost of the workspace's shared hourly API
// budget, in series requests: more than sshCheckAsk runs only with --yes,
// more than sshCheckMax not at all.
const (
	sshCheckAsk = 100
	sshCheckMax = 1000
)

// execOverSSH runs a one-shot `check` of an SSH session on its
// workspace's shared client, with check's own flags only: no --endpoint
// or --api-key-file from a remote user, so the server's key goes nowhere
// else. A check that could cost more than sshCheckAsk requests asks for
// --yes first.
func (a *app) execOverSSH(ws servedWorkspaces) sshserve.ExecFunc {
	return func(ctx context.Context, workspace string, args, env []string, stdout, stderr io.Writer) int {
		if len(args) == 0 || args[0] != "check" {
			fmt.Fprint(stderr, sshUsage)
			return exitError
		}
		var w servedWorkspace
		for _, c := range ws {
			if c.cfg.Workspace == workspace {
				w = c
			}
		}
		if w.be == nil {
			fmt.Fprintf(stderr, "segdash: no workspace %q\n", workspace)
			return exitError
		}
		sa := &app{in: strings.NewReader(""), out: stdout, errw: stderr, getenv: sessionEnv(a.getenv, env), now: a.now}
		cfg := w.cfg
		cfg.HidePaths = true // a remote user is told of "the server's config file", not its path
		shared := func(*cobra.Command) (*backend, config.Config, func(), error) {
			return w.be, cfg, func() {}, nil
		}
		check := sa.newCheckCommand(shared)
		sa.registerColor(check) // the session's own --color, over its own environment
		check.Flags().Bool("yes", false, fmt.Sprintf("run a check that may cost more than %d API requests of the shared hourly budget", sshCheckAsk))
		setUsageErrors(check)
		if n, yes, ok := checkCost(sa.newCheckCommand(shared), w.cfg, args[1:]); ok {
			switch {
			case n > sshCheckMax:
				fmt.Fprintf(stderr, "segdash: this check may cost up to %d API requests; over SSH at most %d run: check fewer segments, a shorter --length or no --compare\n", n, sshCheckMax)
				return exitError
			case n > sshCheckAsk && !yes:
				fmt.Fprintf(stderr, "segdash: this check may cost up to %d API requests of the workspace's shared hourly budget (over SSH, more than %d need it said): add --yes to run it\n", n, sshCheckAsk)
				return exitError
			}
		}
		return sa.execute(ctx, check, args[1:])
	}
}

// sessionEnv is the environment of a check over SSH: the variables that
// decide colour (NO_COLOR, CLICOLOR, TERM, ...) are the session's own, as
// its client sent them, and never the server's or its --color; every other
// is the server's (a session cannot set BRAZE_API_KEY or the config file).
func sessionEnv(server func(string) string, session []string) func(string) string {
	own := map[string]string{}
	for _, kv := range session {
		if k, v, ok := strings.Cut(kv, "="); ok && colorVariable(k) {
			own[k] = v
		}
	}
	return func(k string) string {
		if colorVariable(k) {
			return own[k]
		}
		return server(k)
	}
}

// colorVariable says whether the variable k decides colour
// (output.ColorProfile, colorChoice).
func colorVariable(k string) bool {
	switch k {
	case "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLORTERM", "TMUX", "TERM_PROGRAM", "GOOGLE_CLOUD_SHELL":
		return true
	}
	return false
}

// checkCost is the most series requests `check args` can make in cfg's
// workspace: a request per segment and window, a window past
// client.MaxLength days one per aligned chunk it touches, twice that with
// --compare. ok is false when the flags do not parse (check says why).
func checkCost(est *cobra.Command, cfg config.Config, args []string) (n int, yes, ok bool) {
	est.Flags().Bool("yes", false, "")
	est.Flags().String("color", "", "") // check's own, over the session's environment
	fl := est.Flags()
	if fl.Parse(args) != nil {
		return 0, false, false
	}
	length := cfg.Length
	if fl.Changed("length") {
		length, _ = fl.GetInt("length")
	}
	windows := 1
	if length > client.MaxLength {
		windows = (length+client.ChunkDays-1)/client.ChunkDays + 1
	}
	if c, _ := fl.GetString("compare"); c != "" {
		windows *= 2
	}
	segments := len(fl.Args())
	if name, _ := fl.GetString("watch"); name != "" {
		for _, wl := range cfg.Watchlists {
			if wl.Name == name {
				segments += len(wl.Segments)
			}
		}
	}
	yes, _ = fl.GetBool("yes")
	return segments * windows, yes, true
}
