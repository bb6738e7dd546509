package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/output"
)

func (a *app) newConfigCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from (the key masked)",
		Long: `config prints every setting segdash would use, and its source: the default, the
config file (with its line), the environment or a flag. The API key is never printed.

Precedence: defaults, then the config file, then the environment, then flags.

The config file is --config, else SEGDASH_CONFIG, else segdash/config.yaml in
$XDG_CONFIG_HOME (or ~/.config) on every OS; the OS's own config dir (macOS:
~/Library/Application Support, Windows: %AppData%) is read when only it has one.
segdash config path prints the one in effect; segdash config init writes a
commented template there.`,
		Example: `  segdash config
  segdash config -w eu
  segdash config path
  segdash config init`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := a.resolveConfig(cmd)
			if err != nil {
				return err
			}
			printWarnings(a.errw, cfg)
			return writeConfig(a.out, cfg)
		},
	}
	c.AddCommand(a.newConfigPathCmd(), a.newConfigInitCmd())
	return c
}

// configPath is the config file in effect for cmd (--config,
// SEGDASH_CONFIG, else the first candidate that exists).
func (a *app) configPath(cmd *cobra.Command) (string, error) {
	path, _ := config.Path(a.configInput(cmd, "").ConfigFlag, a.getenv, os.UserConfigDir)
	if path == "" {
		return "", &codeError{code: exitError, err: errors.New("no config dir: set HOME, XDG_CONFIG_HOME or SEGDASH_CONFIG")}
	}
	return path, nil
}

func (a *app) newConfigPathCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "path",
		Short: "Print the path of the config file in effect",
		Long: `path prints the config file segdash reads (whether or not it exists yet: on
stderr a note says when it does not).`,
		Example: `  segdash config path
  $EDITOR "$(segdash config path)"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.configPath(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.out, path)
			if _, err := os.Lstat(path); err != nil {
				fmt.Fprintln(a.errw, "segdash: the file does not exist yet; segdash config init writes a template there")
			}
			return nil
		},
	}
}

func (a *app) newConfigInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Write a commented config template to the config path",
		Long: `init writes a config file with every setting, commented out, where segdash
reads it (see segdash config path). It never overwrites a file that exists.`,
		Example: `  segdash config init
  segdash --config ./segdash.yaml config init`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.configPath(cmd)
			if err != nil {
				return err
			}
			if err := config.Init(path); err != nil {
				return &codeError{code: exitError, err: err}
			}
			fmt.Fprintln(a.out, "wrote "+path)
			return nil
		},
	}
}

// writeConfig prints cfg as a table of settings and sources.
func writeConfig(w io.Writer, cfg config.Config) error {
	file := cfg.File
	if !cfg.FileFound {
		file += " (not found: defaults apply)"
	}
	fmt.Fprintf(w, "config file: %s\n\n", file)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	note := ""
	fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
	endpoint := cfg.Endpoint
	key := "not set"
	switch {
	case cfg.Demo:
		endpoint, key = "built-in demo (no API key)", "not set: demo mode"
	case cfg.APIKeyFile != "" && cfg.Sources["api_key"] != "env BRAZE_API_KEY":
		key = "******** (read from " + cfg.APIKeyFile + ")"
	default:
		key = "********"
	}
	rows := [][3]string{
		{"endpoint", endpoint, cfg.Source("endpoint")},
		{"api key", key, cfg.Source("api_key")},
		{"theme", cfg.Theme, cfg.Source("theme")},
		{"length", strconv.Itoa(cfg.Length) + " days", cfg.Source("length")},
		{"refresh", cfg.Refresh.String(), cfg.Source("refresh")},
		{"cache_ttl", cfg.CacheTTL.String(), cfg.Source("cache_ttl")},
		{"concurrency", strconv.Itoa(cfg.Concurrency), cfg.Source("concurrency")},
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r[0], output.SafeText(r[1]), r[2])
	}
	if len(cfg.Watchlists) == 0 {
		fmt.Fprintf(tw, "watchlists\tnone\t%s\n", cfg.WatchlistFile)
	}
	if cfg.Demo && cfg.WatchlistFile != cfg.File {
		// Rules naming the workspace's watchlists find none in the demo.
		// Said under the table: as a row it would widen VALUE.
		note = "note: the demo keeps its own watchlists; the config file's are for a real workspace\n"
	}
	names := make([]string, len(cfg.Rules))
	for i, r := range cfg.Rules {
		names[i] = output.SafeText(r.Name)
	}
	switch {
	case len(cfg.Rules) == 0:
		fmt.Fprintf(tw, "rules\tnone\t%s\n", cfg.File)
	default:
		fmt.Fprintf(tw, "rules\t%s: %s\t%s\n", output.Plural(len(cfg.Rules), "rule", "rules"), strings.Join(names, ", "), cfg.File)
	}
	for _, wl := range cfg.Watchlists {
		fmt.Fprintf(tw, "watchlist %s\t%s\t%s:%d\n", output.SafeText(wl.Name), output.Plural(len(wl.Segments), "segment", "segments"), cfg.WatchlistFile, cfg.WatchlistLine(wl.Name))
	}
	writeWorkspaceRows(tw, cfg)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, note)
	return err
}

// writeWorkspaceRows adds the workspace in use and every configured one,
// each key masked: only where it comes from is shown.
func writeWorkspaceRows(tw io.Writer, cfg config.Config) {
	if len(cfg.Workspaces) == 0 {
		return
	}
	inUse := cfg.Workspace
	if inUse == "" {
		inUse = "(unnamed: the environment or the top-level settings)"
	}
	fmt.Fprintf(tw, "workspace in use\t%s\t%s\n", output.SafeText(inUse), cfg.Source("workspace"))
	for _, w := range cfg.Workspaces {
		name := w.Name
		if name == cfg.DefaultWorkspace {
			name += " (default)"
		}
		fmt.Fprintf(tw, "workspace %s\t%s, key ******** from %s, %s, %s\t%s:%d\n", output.SafeText(name),
			output.SafeText(w.Endpoint), output.SafeText(w.KeySource()), output.Plural(len(w.Watchlists), "watchlist", "watchlists"),
			output.Plural(len(w.Rules), "rule", "rules"), cfg.File, w.Line)
	}
}
