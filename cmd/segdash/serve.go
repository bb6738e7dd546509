package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/cmd/segdash/serving"
)

// serveFlags are the flags of `segdash serve`.
type serveFlags = serving.Flags

func (a *app) newServeCmd() *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the dashboard over SSH to everyone with an authorised key",
		Long:  cli.ServeLong,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runServe(cmd, f)
		},
	}
	f.Register(cmd.Flags())
	return cmd
}

func (a *app) runServe(cmd *cobra.Command, f *serveFlags) error {
	if err := f.Validate(); err != nil {
		return fmt.Errorf("%w", err)
	}
	cfgs, def, err := a.serveConfigs(cmd)
	if err != nil {
		return err
	}
	for i := range cfgs {
		printWarnings(a.errw, cfgs[i])
		if err := serving.CheckKeys("workspace "+cfgs[i].Workspace+": authorized_keys", cfgs[i].AuthorizedKeys); err != nil {
			return err
		}
		cfgs[i].DemoPace(config.DemoDay)
	}
	logger := slog.New(slog.NewTextHandler(a.errw, nil))
	ln, err := f.Listeners()
	if err != nil {
		return err
	}
	return a.serveWorkspaces(cmd.Context(), f, cfgs, def, ln, logger)
}

// serve runs the SSH server on ln until ctx ends, then shuts down: stop
// accepting, tell open sessions, close them, return within a few seconds.
func (a *app) serve(ctx context.Context, f *serveFlags, cfg config.Config, ln net.Listener, logger *slog.Logger) error {
	return a.serveWorkspaces(ctx, f, []config.Config{cfg}, cfg.Workspace, ln, logger)
}

// serveWorkspaces is serve for several workspaces: the SSH user name picks
// one, def (a name, or "") serves the other user names.
// With f.MetricsLn it serves the metrics there too.
func (a *app) serveWorkspaces(ctx context.Context, f *serveFlags, cfgs []config.Config, def string, ln net.Listener, logger *slog.Logger) error {
	ssh := f.SSH(def, logger)
	ssh.Now, ssh.Tick, ssh.Model = a.now, a.tick, a.model
	return serving.Serve(ctx, ln, cfgs, serving.ServeOptions{
		SSH:     ssh,
		HostKey: f.HostKey, ConfigDirs: config.Dirs(a.getenv, os.UserConfigDir),
		MetricsListener: f.MetricsLn, ScanEvery: f.ScanEvery, ScanTicker: f.ScanTicker,
		UserAgent: "segdash/" + version(), Exec: a.execOverSSH,
	})
}

// serveConfigs picks what serve serves: the one --workspace, else every
// workspace of the config file (default_workspace for other user names),
// else the unnamed workspace (the environment, or the demo) for everyone.
func (a *app) serveConfigs(cmd *cobra.Command) ([]config.Config, string, error) {
	if len(config.WorkspaceFlag(cmd.Flag)) > 0 {
		cfg, err := a.resolveConfig(cmd)
		return []config.Config{cfg}, cfg.Workspace, err
	}
	base, err := a.resolveBase(cmd)
	if err != nil {
		return nil, "", err
	}
	if len(base.Workspaces) == 0 {
		cfg, err := a.resolveConfig(cmd)
		return []config.Config{cfg}, "", err
	}
	var cfgs []config.Config
	for _, name := range base.WorkspaceNames() {
		cfg, err := a.resolveWorkspace(cmd, name)
		if err != nil {
			return nil, "", err
		}
		cfgs = append(cfgs, cfg)
	}
	return cfgs, base.DefaultWorkspace, nil
}
