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

// ownFlag is config.OwnFlag.
const ownFlag = config.OwnFlag

// resolveConfig builds the configuration for cmd from the flags that were
// set and the app's environment.
func (a *app) resolveConfig(cmd *cobra.Command) (config.Config, error) {
	names := workspaceFlag(cmd)
	if len(names) > 1 {
		return config.Config{}, usageError("--workspace: %s takes one workspace (only scan takes several)", cmd.CommandPath())
	}
	name := ""
	if len(names) == 1 {
		name = names[0]
	}
	return a.resolveWorkspace(cmd, name)
}

// workspaceFlag is config.WorkspaceFlag of cmd.
func workspaceFlag(cmd *cobra.Command) []string { return config.WorkspaceFlag(cmd.Flag) }

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

// configError makes a configuration error exit 2; an unknown workspace is
// a usage error.
func configError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, config.ErrUnknownWorkspace):
		return usageError("--workspace: %v", err)
	}
	return &codeError{code: exitError, err: err}
}

// backend is a connected config.Backend; cache is its Cache, by the
// name the commands use.
type backend struct {
	*config.Backend
	cache *client.Cache
}

// connect builds the client and cache for cfg (config.Connect), with the
// cache on clock now and the demo API on demoNow. offline makes the cache
// refuse every request; opts are the client's further options.
func connect(cfg config.Config, now, demoNow func() time.Time, offline bool, opts ...client.Option) (*backend, error) {
	b, err := config.Connect(cfg, config.ConnectOptions{Now: now, DemoNow: demoNow, Offline: offline, UserAgent: "segdash/" + version(), Client: opts})
	if err != nil {
		return nil, err
	}
	return &backend{Backend: b, cache: b.Cache}, nil
}

// announce tells, on stderr, the config's warnings and that the demo's
// data is not a real workspace's: the one-shot commands' first lines.
func (a *app) announce(cfg config.Config) {
	printWarnings(a.errw, cfg)
	if cfg.Demo {
		fmt.Fprintln(a.errw, "segdash: DEMO: no BRAZE_API_KEY set, using built-in demo data")
	}
}

// printWarnings tells the config's warnings on w.
func printWarnings(w io.Writer, cfg config.Config) {
	for _, warn := range cfg.Warnings {
		fmt.Fprintln(w, "segdash: warning: "+warn)
	}
}
