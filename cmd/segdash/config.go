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

// globalFlags are the flags every subcommand shares.
type globalFlags struct {
	config      string
	endpoint    string
	apiKeyFile  string
	cacheTTL    time.Duration
	concurrency int
	workspaces  []string
	fresh       bool
}

func (g *globalFlags) register(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&g.config, "config", "", "config file (env SEGDASH_CONFIG; default: segdash/config.yaml in $XDG_CONFIG_HOME or ~/.config; see segdash config path)")
	f.StringVar(&g.endpoint, "endpoint", "", "Braze REST endpoint: an instance name (US-03, EU-01, ...) or an https URL (env BRAZE_REST_ENDPOINT)")
	f.StringVar(&g.apiKeyFile, "api-key-file", "", "read the REST API key from this file instead of BRAZE_API_KEY")
	f.DurationVar(&g.cacheTTL, "cache-ttl", config.DefaultCacheTTL, "how long a fetched series is reused before asking the API again")
	f.IntVar(&g.concurrency, "concurrency", config.DefaultConcurrency, "most API requests in flight at once (1..16)")
	f.BoolVar(&g.fresh, "fresh", false, "ask the API for everything and ignore the segment list and chunks earlier runs saved (what this run learns is still saved)")
	f.StringArrayVarP(&g.workspaces, "workspace", "w", nil, "the workspace to use, by its name in the config file's workspaces: (default: default_workspace; scan takes several, or all)")
}

// configFlags are the flags config.Resolve reads, when a command has them.
var configFlags = [...]string{"endpoint", "api-key-file", "theme", "length", "refresh", "cache-ttl", "concurrency"}

// ownFlag annotates a command's flag that shares a config setting's name
// but is checked and applied by the command itself: check's and scan's
// --length reach 365 days, where the setting (the dashboard's window) stays
// 1..100.
const ownFlag = "segdash-own-flag"

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

// workspaceFlag is the --workspace values given, in order.
func workspaceFlag(cmd *cobra.Command) []string {
	f := cmd.Flag("workspace")
	if f == nil || !f.Changed {
		return nil
	}
	if sv, ok := f.Value.(interface{ GetSlice() []string }); ok {
		return sv.GetSlice()
	}
	return []string{f.Value.String()}
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

// configInput is what config.Resolve reads from cmd's flags.
func (a *app) configInput(cmd *cobra.Command, name string) config.Input {
	in := config.Input{Getenv: a.getenv, Flags: map[string]string{}, Workspace: name}
	if f := cmd.Flag("config"); f != nil && f.Changed {
		in.ConfigFlag = f.Value.String()
	}
	for _, name := range configFlags {
		if f := cmd.Flag(name); f != nil && f.Changed && f.Annotations[ownFlag] == nil {
			in.Flags[name] = f.Value.String()
		}
	}
	return in
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
