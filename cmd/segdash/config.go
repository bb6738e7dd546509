package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// resolveConfig builds the configuration for cmd from the flags that were
// set and the app's environment.
func (a *app) resolveConfig(cmd *cobra.Command) (config.Config, error) {
	names := config.WorkspaceFlag(cmd.Flag)
	if len(names) > 1 {
		return config.Config{}, fmt.Errorf("--workspace: %s takes one workspace (only scan takes several)", cmd.CommandPath())
	}
	name := ""
	if len(names) == 1 {
		name = names[0]
	}
	return a.resolveWorkspace(cmd, name)
}

// resolveWorkspace is resolveConfig for the workspace called name ("" =
// default_workspace, else the unnamed one). An unknown name is a usage
// error listing the names.
func (a *app) resolveWorkspace(cmd *cobra.Command, name string) (config.Config, error) {
	cfg, err := config.Resolve(a.configInput(cmd, name), os.UserConfigDir)
	return cfg, configError(err)
}

// resolveBase is the configuration before a workspace is chosen: for
// listing the workspaces and selecting several.
func (a *app) resolveBase(cmd *cobra.Command) (config.Config, error) {
	cfg, err := config.ResolveBase(a.configInput(cmd, ""), os.UserConfigDir)
	return cfg, configError(err)
}

// configInput is config.InputOf cmd's flags.
func (a *app) configInput(cmd *cobra.Command, name string) config.Input {
	return config.InputOf(cmd.Flag, a.getenv, name)
}

// configError makes an unknown workspace a usage error.
func configError(err error) error {
	if errors.Is(err, config.ErrUnknownWorkspace) {
		return fmt.Errorf("--workspace: %v", err)
	}
	return err
}

// connect builds the client and cache for cfg (config.Connect), with the
// cache on clock now and the demo API on demoNow. offline makes the cache
// refuse every request; opts are the client's further options.
func connect(cfg config.Config, now, demoNow func() time.Time, offline bool, opts ...client.Option) (*config.Backend, error) {
	return config.Connect(cfg, config.ConnectOptions{Now: now, DemoNow: demoNow, Offline: offline, UserAgent: "segdash/" + version(), Client: opts})
}

// announce tells, on stderr, the config's warnings and that the demo's
// data is not a real workspace's: the one-shot commands' first lines.
func (a *app) announce(cfg config.Config) {
	printWarnings(a.errw, cfg)
	switch {
	case cfg.Demo && cfg.HidePaths: // a remote user: the key is the server's to set
		fmt.Fprintln(a.errw, "segdash: DEMO: the server has no API key, using built-in demo data")
	case cfg.Demo:
		fmt.Fprintln(a.errw, "segdash: DEMO: no BRAZE_API_KEY set, using built-in demo data")
	}
}

// printWarnings tells the config's warnings on w.
func printWarnings(w io.Writer, cfg config.Config) {
	for _, warn := range cfg.Warnings {
		fmt.Fprintln(w, "segdash: warning: "+warn)
	}
}
